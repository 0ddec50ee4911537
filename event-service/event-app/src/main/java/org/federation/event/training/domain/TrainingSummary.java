package org.federation.event.training.domain;

import java.util.List;

/**
 * A class in figures, for its summary and feedback report: each session's attendance, the overall
 * attendance rate (attended out of counted marks, as for a trainee), and the trainees' feedback
 * (how many gave it, the average rating, the comments, newest first).
 *
 * @param averageRating rounded to two decimals, null without feedback
 * @param attendanceRate null while no mark counts
 */
public record TrainingSummary(int enrolled, int withdrawn, List<SessionFigures> sessions, Double attendanceRate,
                              int feedbackCount, Double averageRating, List<String> comments) {

    /** One session's marks: how many trainees were marked each way, and how many enrolled ones were not. */
    public record SessionFigures(TrainingSession session, int present, int late, int absent, int excused, int unmarked) {

        /** The figures of one session of the class (404 for an unknown session). */
        public static SessionFigures of(TrainingClass c, int session) {
            List<AttendanceRecord.AtSession> at = c.attendanceAt(session);
            return new SessionFigures(c.requireSession(session), count(at, AttendanceMark.PRESENT),
                    count(at, AttendanceMark.LATE), count(at, AttendanceMark.ABSENT), count(at, AttendanceMark.EXCUSED),
                    count(at, null));
        }
    }

    static TrainingSummary of(TrainingClass c) {
        List<SessionFigures> sessions = c.sessions().stream().map(s -> SessionFigures.of(c, s.number())).toList();
        long attended = c.marks().stream().filter(AttendanceMark::attended).count();
        long counted = c.marks().stream().filter(m -> !AttendanceMark.EXCUSED.equals(m.status())).count();
        Double rate = counted == 0 ? null : Math.round(1000.0 * attended / counted) / 1000.0;
        Double average = c.feedback().isEmpty() ? null
                : Math.round(100.0 * c.feedback().stream().mapToInt(TraineeFeedback::rating).average().orElse(0)) / 100.0;
        List<String> comments = c.feedback().stream()
                .sorted(java.util.Comparator.comparing(TraineeFeedback::givenAt).reversed())
                .map(TraineeFeedback::comment).filter(comment -> comment != null && !comment.isBlank()).toList();
        int enrolled = c.enrolled().size();
        return new TrainingSummary(enrolled, c.trainees().size() - enrolled, sessions, rate, c.feedback().size(), average,
                comments);
    }

    private static int count(List<AttendanceRecord.AtSession> at, String status) {
        return (int) at.stream().filter(a -> java.util.Objects.equals(a.status(), status)).count();
    }
}
