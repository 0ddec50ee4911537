package org.federation.platform.devtoken;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The demo users of the local platform, with fixed ids and student numbers. Club leaders and
 * members here match club-service's demo clubs (leader {@code 2023X0001}, members
 * {@code 2023X0002} and {@code 2023X0003} of club X); their club rights come from club-service's
 * facts, not from the token.
 */
public final class DemoUsers {

    /** The six federation departments, as the {@code DEPARTMENT:<name>} roles name them. */
    public static final List<String> DEPARTMENTS =
            List.of("organization", "finance", "evaluation", "publicity", "external-relations", "office");

    private static final String[][] CLUBS = {
            {"crazy-english", "疯狂英语协会", "李雷", "韩梅梅", "林涛"},
            {"acmore", "acmore编程协会", "王芳", "孙浩", "周婷"},
            {"photography", "摄影协会", "张伟", "吴磊", "郑爽"},
            {"board-games", "tk桌游协会", "刘洋", "钱多", "冯雪"},
            {"tennis", "网球协会", "陈静", "褚明", "卫兰"},
            {"heart-star", "心星志愿者协会", "赵敏", "蒋欣", "沈括"},
    };

    private static final List<DemoUser> ALL = build();

    private DemoUsers() {
    }

    public static List<DemoUser> all() {
        return ALL;
    }

    public static Optional<DemoUser> find(String id) {
        return ALL.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    private static List<DemoUser> build() {
        List<DemoUser> users = new ArrayList<>();
        users.add(user("presidium", "2022000001", "周主席", List.of("PRESIDIUM", "STUDENT"),
                "member of the federation's presidium"));
        for (int i = 0; i < DEPARTMENTS.size(); i++) {
            String department = DEPARTMENTS.get(i);
            String prefix = String.format("20220%d", i + 1);
            users.add(user(department + "-head", prefix + "0001", "部长" + (i + 1),
                    List.of("DEPARTMENT_HEAD:" + department, "STUDENT"), "head of the " + department + " department"));
            users.add(user(department + "-member", prefix + "0002", "干事" + (i + 1),
                    List.of("DEPARTMENT:" + department, "STUDENT"), "member of the " + department + " department"));
        }
        users.add(user("liaison", "2022070001", "联络员", List.of("LIAISON", "STUDENT"), "a liaison officer"));
        for (int i = 0; i < CLUBS.length; i++) {
            String[] club = CLUBS[i];
            String prefix = String.format("20230%d", i + 1);
            users.add(user(club[0] + "-leader", prefix + "0001", club[2], List.of("STUDENT"),
                    "leader of " + club[1] + " (club-" + club[0] + ")"));
            users.add(user(club[0] + "-member-1", prefix + "0002", club[3], List.of("STUDENT"),
                    "member of " + club[1] + " (club-" + club[0] + ")"));
            users.add(user(club[0] + "-member-2", prefix + "0003", club[4], List.of("STUDENT"),
                    "member of " + club[1] + " (club-" + club[0] + ")"));
        }
        users.add(user("student", "2025990001", "新同学", List.of("STUDENT"), "a student in no club"));
        return List.copyOf(users);
    }

    private static DemoUser user(String id, String subject, String name, List<String> roles, String about) {
        return new DemoUser(id, subject, name, subject + "@stu.example.edu", roles, about);
    }
}
