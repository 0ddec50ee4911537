package org.federation.event.training.web;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.federation.event.training.domain.AttendanceRecord;
import org.federation.event.training.domain.SeatingChart;
import org.federation.event.training.domain.Trainee;
import org.federation.event.training.domain.TrainingClass;
import org.federation.event.training.domain.TrainingSession;
import org.federation.event.training.domain.TrainingSummary;
import org.federation.platform.domain.FederationCalendar;
import org.federation.platform.printing.BarChart;
import org.federation.platform.printing.Column;
import org.federation.platform.printing.PrintedDocument;
import org.federation.platform.web.CsvExport;

/**
 * What is printed and exported for a training class: the sign-in sheet of a session (the roster
 * with an empty signature column), the seating chart as a grid of seats, and the roster, the
 * attendance and the seating as CSV. Times are shown in the federation's time zone.
 */
final class TrainingPrints {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** Tall enough to sign in. */
    private static final float SIGNATURE_ROW = 26;

    private TrainingPrints() {
    }

    /** A session's sign-in sheet (签到表): every enrolled trainee in student-number order, with room to sign. */
    static byte[] signInSheet(TrainingClass c, TrainingSession session) {
        List<Column> columns = List.of(Column.amount("No.", 0.5), Column.text("Student number", 1.4),
                Column.text("Name", 1.4), Column.text("Club", 2), Column.text("Team", 1), Column.text("Signature 签名", 2.3));
        List<List<String>> rows = new ArrayList<>();
        List<Trainee> trainees = c.enrolled();
        for (int i = 0; i < trainees.size(); i++) {
            Trainee t = trainees.get(i);
            rows.add(List.of(Integer.toString(i + 1), t.studentNumber(), t.name(), t.clubName(), orEmpty(t.team()), ""));
        }
        return PrintedDocument.portrait(c.title() + " - sign-in sheet, session " + session.number())
                .heading(c.title())
                .text("签到表 Sign-in sheet · session " + session.number() + ": " + session.topic())
                .text(when(session) + " · " + session.venue())
                .text(trainees.size() + " trainees · organised by " + organiser(c))
                .gap()
                .table(columns, rows, SIGNATURE_ROW)
                .toPdf();
    }

    /** A session's seating chart (座位表): the front row first, each seat with its trainee's name, club and team. */
    static byte[] seatingChart(TrainingClass c, TrainingSession session, SeatingChart chart) {
        List<String> labels = new ArrayList<>();
        List<List<PrintedDocument.Box>> rows = new ArrayList<>();
        for (int r = 1; r <= chart.rows(); r++) {
            labels.add("R" + r);
            rows.add(chart.row(r).stream().map(s -> s.trainee() == null ? null
                    : new PrintedDocument.Box(s.trainee().name(), club(s.trainee()))).toList());
        }
        return PrintedDocument.landscape(c.title() + " - seating chart, session " + session.number())
                .heading(c.title())
                .text("座位表 Seating chart · session " + session.number() + ": " + session.topic())
                .text(when(session) + " · " + session.venue() + " · rule " + chart.rule() + " · "
                        + chart.rows() + " rows × " + chart.seatsPerRow() + " seats")
                .text("Front (stage) 前方（讲台）")
                .boxGrid(labels, rows)
                .toPdf();
    }

    /** The summary and feedback report (总结与反馈): the organisers' text, attendance per session as a chart and a table, feedback. */
    static byte[] report(TrainingClass c) {
        TrainingSummary figures = c.summary();
        List<BarChart.Group> groups = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (TrainingSummary.SessionFigures f : figures.sessions()) {
            TrainingSession s = f.session();
            groups.add(new BarChart.Group("S" + s.number() + " " + s.topic(),
                    List.of((long) f.present(), (long) f.late(), (long) f.absent(), (long) f.excused())));
            rows.add(List.of(Integer.toString(s.number()), DAY_AND_TIME.format(s.start().atZone(FederationCalendar.ZONE)), s.topic(),
                    Integer.toString(f.present()), Integer.toString(f.late()), Integer.toString(f.absent()),
                    Integer.toString(f.excused()), Integer.toString(f.unmarked())));
        }
        PrintedDocument document = PrintedDocument.portrait(c.title() + " - summary and feedback report")
                .heading(c.title())
                .text("总结与反馈 Summary and feedback report · organised by " + organiser(c))
                .text(figures.enrolled() + " trainees enrolled, " + figures.withdrawn() + " withdrawn · "
                        + c.sessions().size() + " sessions")
                .gap()
                .heading("Summary 总结")
                .text(c.report() == null ? "(not written yet)" : c.report().summary())
                .gap()
                .heading("Attendance 出勤")
                .text("Attendance rate (present or late, out of present, late and absent): "
                        + (figures.attendanceRate() == null ? "-" : Math.round(figures.attendanceRate() * 1000) / 10.0 + "%"))
                .barChart(new BarChart("Trainees per session", List.of("present", "late", "absent", "excused"), groups,
                        Long::toString))
                .table(List.of(Column.amount("No.", 0.5), Column.text("Start", 2.1), Column.text("Topic", 2.2),
                        Column.amount("Present", 0.9), Column.amount("Late", 0.8), Column.amount("Absent", 0.9),
                        Column.amount("Excused", 0.9), Column.amount("Unmarked", 1.1)), rows)
                .heading("Feedback 反馈")
                .text(figures.feedbackCount() == 0 ? "No feedback yet." : figures.feedbackCount()
                        + " trainees gave feedback; average rating " + figures.averageRating() + " / 5");
        figures.comments().forEach(comment -> document.text("· " + comment));
        return document.toPdf();
    }

    static byte[] rosterCsv(TrainingClass c) {
        CsvExport csv = CsvExport.withHeader("studentNumber", "name", "clubId", "club", "team", "status", "enrolledAt",
                "withdrawnAt");
        for (Trainee t : c.roster()) {
            csv.row(t.studentNumber(), t.name(), t.clubId(), t.clubName(), t.team(), t.status(), local(t.enrolledAt()),
                    local(t.withdrawnAt()));
        }
        return csv.bytes();
    }

    /** One row per trainee: their status at each session (empty = not marked), then the counts and the rate. */
    static byte[] attendanceCsv(TrainingClass c) {
        List<String> header = new ArrayList<>(List.of("studentNumber", "name", "club", "team", "status"));
        c.sessions().forEach(s -> header.add("session" + s.number()));
        header.addAll(List.of("present", "late", "absent", "excused", "attendanceRate"));
        CsvExport csv = CsvExport.withHeader(header);
        for (Trainee t : c.roster()) {
            AttendanceRecord record = c.attendanceOf(t.studentNumber());
            List<String> row = new ArrayList<>(List.of(t.studentNumber(), t.name(), t.clubName(), orEmpty(t.team()),
                    t.status()));
            record.statuses().forEach(status -> row.add(orEmpty(status)));
            row.addAll(List.of(Integer.toString(record.present()), Integer.toString(record.late()),
                    Integer.toString(record.absent()), Integer.toString(record.excused()),
                    record.rate() == null ? "" : record.rate().toString()));
            csv.row(row);
        }
        return csv.bytes();
    }

    /** Every seat, front row first; empty seats have no trainee. */
    static byte[] seatingCsv(SeatingChart chart) {
        CsvExport csv = CsvExport.withHeader("row", "seat", "studentNumber", "name", "club", "team");
        for (SeatingChart.Seat seat : chart.seats()) {
            Trainee t = seat.trainee();
            csv.row(Integer.toString(seat.row()), Integer.toString(seat.seat()), t == null ? "" : t.studentNumber(),
                    t == null ? "" : t.name(), t == null ? "" : t.clubName(), t == null ? "" : orEmpty(t.team()));
        }
        return csv.bytes();
    }

    private static String organiser(TrainingClass c) {
        return TrainingClass.PRESIDIUM.equals(c.organiser()) ? "the presidium" : "the " + c.organiser() + " department";
    }

    private static String club(Trainee t) {
        return t.team() == null ? t.clubName() : t.clubName() + " · " + t.team();
    }

    private static String when(TrainingSession session) {
        return DAY_AND_TIME.format(session.start().atZone(FederationCalendar.ZONE)) + "–" + TIME.format(session.end().atZone(FederationCalendar.ZONE))
                + " (" + FederationCalendar.ZONE.getId() + ")";
    }

    private static String local(Instant instant) {
        return instant == null ? "" : DAY_AND_TIME.format(instant.atZone(FederationCalendar.ZONE));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
