package org.federation.club.demo;

import java.time.LocalDate;
import java.util.List;

import org.federation.club.registry.application.ClubRegistry;
import org.federation.club.registry.domain.ClubCategory;
import org.federation.club.registry.domain.ExistingClub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The local platform's demo clubs, loaded once: fixed ids, leaders and members matching the
 * development token issuer's demo users (leader {@code 2023X0001}, members {@code 2023X0002} and
 * {@code 2023X0003}), so their tokens carry club rights. A club already present is left alone, so restarts change nothing.
 */
@Component
@ConditionalOnBooleanProperty("federation.demo.enabled")
class DemoClubs implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClubs.class);

    record DemoClub(String id, ExistingClub club) {
    }

    static final List<DemoClub> CLUBS = List.of(
            new DemoClub("club-crazy-english", new ExistingClub("疯狂英语协会 Crazy English Association",
                    ClubCategory.ARTS_CULTURE, LocalDate.of(2012, 10, 8), "李雷", "2023010001", "english@clubs.example.edu",
                    List.of("2023010002", "2023010003"))),
            new DemoClub("club-acmore", new ExistingClub("acmore编程协会 acmore Programming Club",
                    ClubCategory.ACADEMIC_TECHNOLOGY, LocalDate.of(2015, 3, 20), "王芳", "2023020001", "acmore@clubs.example.edu",
                    List.of("2023020002", "2023020003"))),
            new DemoClub("club-photography", new ExistingClub("摄影协会 Photography Association",
                    ClubCategory.ARTS_CULTURE, LocalDate.of(2010, 9, 15), "张伟", "2023030001", "photo@clubs.example.edu",
                    List.of("2023030002", "2023030003"))),
            new DemoClub("club-board-games", new ExistingClub("tk桌游协会 Board Games Club",
                    ClubCategory.OTHER, LocalDate.of(2018, 11, 2), "刘洋", "2023040001", "boardgames@clubs.example.edu",
                    List.of("2023040002", "2023040003"))),
            new DemoClub("club-tennis", new ExistingClub("网球协会 Tennis Association",
                    ClubCategory.SPORTS, LocalDate.of(2014, 4, 12), "陈静", "2023050001", "tennis@clubs.example.edu",
                    List.of("2023050002", "2023050003"))),
            new DemoClub("club-heart-star", new ExistingClub("心星志愿者协会 Heart-Star Volunteers",
                    ClubCategory.VOLUNTEERING, LocalDate.of(2016, 5, 4), "赵敏", "2023060001", "heartstar@clubs.example.edu",
                    List.of("2023060002", "2023060003"))));

    private final ClubRegistry registry;

    DemoClubs(ClubRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void run(ApplicationArguments args) {
        int loaded = 0;
        for (DemoClub demo : CLUBS) {
            if (registry.find(demo.id()).isEmpty()) {
                registry.registerExisting(demo.id(), demo.club(), "system");
                loaded++;
            }
        }
        log.info("Demo clubs: {} loaded, {} already present", loaded, CLUBS.size() - loaded);
    }
}
