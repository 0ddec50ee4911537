package org.federation.event.activities.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.federation.event.activities.application.PublicCalendar;
import org.federation.event.clubs.domain.ClubDirectory;
import org.federation.event.contracts.ActivitySnapshot;
import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.PublicEndpoints;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * The public calendar of published activities (anonymous callers welcome): JSON pages and an
 * iCalendar feed, filterable by organising club, category and dates (inclusive, in the
 * federation's time zone). Each activity names its organising clubs.
 */
@RestController
@RequestMapping("/api/calendar")
@Validated
class CalendarController {

    @Configuration(proxyBeanMethods = false)
    static class Open {
        @Bean
        PublicEndpoints openCalendar() {
            return PublicEndpoints.reading("/api/calendar", "/api/calendar/*");
        }
    }

    static final String CATEGORIES = "academic-technology|arts-culture|sports|volunteering|entrepreneurship|other|federation";
    static final int FEED_LIMIT = 500;

    private final PublicCalendar calendar;
    private final ClubDirectory clubs;
    private final Clock clock;

    CalendarController(PublicCalendar calendar, ClubDirectory clubs, Clock clock) {
        this.calendar = calendar;
        this.clubs = clubs;
        this.clock = clock;
    }

    /** Published activities overlapping the dates, soonest first, each naming its organising clubs. */
    @GetMapping
    PageOf<CalendarActivity> list(@RequestParam(required = false) @Pattern(regexp = ActivityController.ID) String club,
                                  @RequestParam(required = false) @Pattern(regexp = CATEGORIES) String category,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size) {
        PageOf<ActivitySnapshot> published = calendar.published(club, category, startOf(from), endOf(to), page, size);
        return new PageOf<>(named(published.items()), page, size, published.totalItems());
    }

    /** The same activities as an iCalendar feed (at most {@value #FEED_LIMIT}, soonest first). */
    @GetMapping(value = "/feed", produces = "text/calendar")
    ResponseEntity<String> feed(@RequestParam(required = false) @Pattern(regexp = ActivityController.ID) String club,
                                @RequestParam(required = false) @Pattern(regexp = CATEGORIES) String category,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        var page = calendar.published(club, category, startOf(from), endOf(to), 0, FEED_LIMIT);
        return ResponseEntity.ok().contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
                .body(ICalendar.of(named(page.items()), clock.instant()));
    }

    /** One published activity, naming its organising clubs. */
    @GetMapping("/{id}")
    CalendarActivity get(@PathVariable String id) {
        return named(List.of(calendar.publishedOne(id))).get(0);
    }

    /** The activities with their organisers' names from event-service's own club directory, in one lookup. */
    private List<CalendarActivity> named(List<ActivitySnapshot> activities) {
        Map<String, String> names = clubs.namesOf(CalendarActivity.clubsOf(activities));
        return activities.stream().map(a -> CalendarActivity.of(a, names)).toList();
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : FederationCalendar.startOf(day);
    }

    private Instant endOf(LocalDate day) {
        return day == null ? null : FederationCalendar.startOf(day.plusDays(1));
    }
}
