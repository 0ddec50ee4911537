package org.federation.event.training.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.federation.event.training.application.TrainingOffice;
import org.federation.event.training.domain.AttendanceRecord;
import org.federation.event.training.domain.ClassReport;
import org.federation.event.training.domain.SeatingChart;
import org.federation.event.training.domain.Trainee;
import org.federation.event.training.domain.TraineeFeedback;
import org.federation.event.training.domain.TrainingClass;
import org.federation.event.training.domain.TrainingSession;
import org.federation.event.training.domain.TrainingSummary;
import org.federation.platform.paging.PageOf;
import org.federation.platform.security.Caller;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Training classes (such as the Future Managers Training Class): opening a class with its sessions,
 * enrolling and withdrawing trainees, the roster, attendance per session and per trainee, printable
 * sign-in sheets and seating charts (PDF) and CSV exports. Everything here needs a token.
 */
@RestController
@RequestMapping("/api/training-classes")
@Validated
class TrainingClassController {

    static final String ID = "[A-Za-z0-9-]{1,80}";
    static final String STUDENT_NUMBER = "[A-Za-z0-9]{4,20}";
    static final String DEPARTMENTS = "organization|finance|evaluation|publicity|external-relations|office";
    static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final TrainingOffice office;

    TrainingClassController(TrainingOffice office) {
        this.office = office;
    }

    /** Counts are read as decimals and must be whole: JSON's 1.5 is refused, not silently cut to 1. */
    record SessionPlan(@NotNull Instant start, @NotNull Instant end, @NotBlank @Size(max = 120) String venue,
                       @NotBlank @Size(max = 200) String topic,
                       @Digits(integer = 2, fraction = 0) @Min(1) @Max(TrainingSession.MAX_ROWS) BigDecimal rows,
                       @Digits(integer = 2, fraction = 0) @Min(1) @Max(TrainingSession.MAX_SEATS_PER_ROW) BigDecimal seatsPerRow) {

        TrainingSession.Plan plan() {
            return new TrainingSession.Plan(start, end, venue.strip(), topic.strip(), whole(rows), whole(seatsPerRow));
        }
    }

    static Integer whole(BigDecimal count) {
        return count == null ? null : count.intValueExact();
    }

    record Opening(@NotBlank @Size(max = 120) String title,
                   @Pattern(regexp = DEPARTMENTS) String department,
                   @Pattern(regexp = ID) String activityId,
                   @NotNull @Digits(integer = 3, fraction = 0) @Min(1) @Max(TrainingClass.MAX_CAPACITY) BigDecimal capacity,
                   @NotEmpty @Size(max = TrainingClass.MAX_SESSIONS) List<@NotNull @Valid SessionPlan> sessions) {
    }

    record Enrolment(@NotBlank @Pattern(regexp = STUDENT_NUMBER) String studentNumber,
                     @NotBlank @Size(max = 60) String name,
                     @NotBlank @Pattern(regexp = ID) String clubId,
                     @Size(max = 40) String team) {
    }

    record Mark(@NotNull @Pattern(regexp = "present|late|absent|excused") String status) {
    }

    /** A class as shown: its sessions and how many trainees are enrolled (the roster is its own query). */
    record ClassView(String id, String title, String organiser, String activityId, int capacity, int enrolled,
                     List<TrainingSession> sessions, String createdBy, Instant createdAt) {

        static ClassView of(TrainingClass c) {
            return new ClassView(c.id(), c.title(), c.organiser(), c.activityId(), c.capacity(), c.enrolled().size(),
                    c.sessions(), c.createdBy(), c.createdAt());
        }
    }

    /** A trainee's record with their status at each session and their attendance rate. */
    record TraineeView(Trainee trainee, List<SessionStatus> sessions, int present, int late, int absent, int excused,
                       Double attendanceRate) {
    }

    record SessionStatus(int session, Instant start, String topic, String status) {
    }

    /** The attendance at one session: counts per status and every trainee's status (null = not marked). */
    record SessionAttendance(TrainingSession session, int present, int late, int absent, int excused, int unmarked,
                             List<AttendanceRecord.AtSession> trainees) {
    }

    record Feedback(@NotNull @Digits(integer = 1, fraction = 0) @Min(1) @Max(5) BigDecimal rating,
                    @Size(max = 2000) String comment) {
    }

    record ReportText(@NotBlank @Size(max = 20_000) String summary) {
    }

    /** The summary and feedback report: the organisers' text (null until written) and the class in figures. */
    record ReportView(String classId, String title, String organiser, ClassReport report, TrainingSummary figures) {

        static ReportView of(TrainingClass c) {
            return new ReportView(c.id(), c.title(), c.organiser(), c.report(), c.summary());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClassView open(@Valid @RequestBody Opening body, Caller caller) {
        return ClassView.of(office.open(new TrainingOffice.Opening(body.title().strip(), body.department(),
                body.activityId(), whole(body.capacity()), body.sessions().stream().map(SessionPlan::plan).toList()), caller));
    }

    @GetMapping
    PageOf<ClassView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        return views(office.list(page, size, caller), page, size);
    }

    private static PageOf<ClassView> views(PageOf<TrainingClass> classes, int page, int size) {
        return new PageOf<>(classes.items().stream().map(ClassView::of).toList(), page, size, classes.totalItems());
    }

    /** The classes the caller is enrolled in as a trainee, newest first. */
    @GetMapping("/mine")
    PageOf<ClassView> mine(@RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        return views(office.mine(page, size, caller), page, size);
    }

    @GetMapping("/{id}")
    ClassView get(@PathVariable String id, Caller caller) {
        return ClassView.of(office.read(id, caller));
    }

    @PostMapping("/{id}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    TrainingSession addSession(@PathVariable String id, @Valid @RequestBody SessionPlan body, Caller caller) {
        List<TrainingSession> sessions = office.addSession(id, body.plan(), caller).sessions();
        return sessions.get(sessions.size() - 1);
    }

    @PostMapping("/{id}/trainees")
    @ResponseStatus(HttpStatus.CREATED)
    Trainee enrol(@PathVariable String id, @Valid @RequestBody Enrolment body, Caller caller) {
        String team = body.team() == null || body.team().isBlank() ? null : body.team().strip();
        return office.enrol(id, new TrainingOffice.Enrolment(body.studentNumber(), body.name().strip(), body.clubId(),
                team), caller);
    }

    /** The roster in student-number order (a roster, not a feed), optionally only enrolled or withdrawn trainees. */
    @GetMapping("/{id}/trainees")
    PageOf<Trainee> roster(@PathVariable String id,
                           @RequestParam(required = false) @Pattern(regexp = "enrolled|withdrawn") String status,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(PageOf.MAX_SIZE) int size, Caller caller) {
        List<Trainee> roster = office.manage(id, caller).roster().stream()
                .filter(t -> status == null || t.status().equals(status)).toList();
        long from = Math.min((long) page * size, roster.size());
        return new PageOf<>(roster.subList((int) from, (int) Math.min(from + size, roster.size())), page, size,
                roster.size());
    }

    @GetMapping("/{id}/trainees/csv")
    ResponseEntity<byte[]> rosterCsv(@PathVariable String id, Caller caller) {
        TrainingClass trainingClass = office.manage(id, caller);
        return download(TrainingPrints.rosterCsv(trainingClass), "text/csv;charset=UTF-8", id + "-roster.csv");
    }

    @GetMapping("/{id}/trainees/{studentNumber}")
    TraineeView trainee(@PathVariable String id, @PathVariable String studentNumber, Caller caller) {
        TrainingClass trainingClass = office.forTrainee(id, studentNumber, caller);
        AttendanceRecord record = trainingClass.attendanceOf(studentNumber);
        List<SessionStatus> statuses = trainingClass.sessions().stream().map(s -> new SessionStatus(s.number(), s.start(), s.topic(),
                record.statuses().get(s.number() - 1))).toList();
        return new TraineeView(record.trainee(), statuses, record.present(), record.late(), record.absent(),
                record.excused(), record.rate());
    }

    /** Withdraws a trainee; a repeat changes nothing. */
    @DeleteMapping("/{id}/trainees/{studentNumber}")
    Trainee withdraw(@PathVariable String id, @PathVariable String studentNumber, Caller caller) {
        return office.withdraw(id, studentNumber, caller);
    }

    @PutMapping("/{id}/sessions/{session}/attendance/{studentNumber}")
    AttendanceRecord.AtSession mark(@PathVariable String id, @PathVariable int session,
                                    @PathVariable String studentNumber, @Valid @RequestBody Mark body, Caller caller) {
        return office.mark(id, session, studentNumber, body.status(), caller);
    }

    @GetMapping("/{id}/sessions/{session}/attendance")
    SessionAttendance attendance(@PathVariable String id, @PathVariable int session, Caller caller) {
        TrainingClass trainingClass = office.manage(id, caller);
        TrainingSummary.SessionFigures figures = TrainingSummary.SessionFigures.of(trainingClass, session);
        return new SessionAttendance(figures.session(), figures.present(), figures.late(), figures.absent(),
                figures.excused(), figures.unmarked(), trainingClass.attendanceAt(session));
    }

    /** The caller, an enrolled trainee, rates the class (1–5) with an optional comment; again replaces it. */
    @PutMapping("/{id}/feedback")
    TraineeFeedback giveFeedback(@PathVariable String id, @Valid @RequestBody Feedback body, Caller caller) {
        String comment = body.comment() == null || body.comment().isBlank() ? null : body.comment().strip();
        return office.giveFeedback(id, whole(body.rating()), comment, caller);
    }

    @PutMapping("/{id}/report")
    ReportView writeReport(@PathVariable String id, @Valid @RequestBody ReportText body, Caller caller) {
        return ReportView.of(office.writeReport(id, body.summary().strip(), caller));
    }

    @GetMapping("/{id}/report")
    ReportView report(@PathVariable String id, Caller caller) {
        return ReportView.of(office.manage(id, caller));
    }

    @GetMapping("/{id}/report/pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable String id, Caller caller) {
        TrainingClass trainingClass = office.manage(id, caller);
        return download(TrainingPrints.report(trainingClass), PDF.toString(), id + "-report.pdf");
    }

    /** Attendance of every trainee at every session, with each trainee's rate. */
    @GetMapping("/{id}/attendance/csv")
    ResponseEntity<byte[]> attendanceCsv(@PathVariable String id, Caller caller) {
        TrainingClass trainingClass = office.manage(id, caller);
        return download(TrainingPrints.attendanceCsv(trainingClass), "text/csv;charset=UTF-8", id + "-attendance.csv");
    }

    @GetMapping("/{id}/sessions/{session}/sign-in-sheet")
    ResponseEntity<byte[]> signInSheet(@PathVariable String id, @PathVariable int session, Caller caller) {
        TrainingClass trainingClass = office.manage(id, caller);
        TrainingSession at = trainingClass.requireSession(session);
        return download(TrainingPrints.signInSheet(trainingClass, at), PDF.toString(),
                id + "-session-" + session + "-sign-in.pdf");
    }

    @GetMapping("/{id}/sessions/{session}/seating-chart")
    SeatingChart seatingChart(@PathVariable String id, @PathVariable int session,
                              @RequestParam(defaultValue = "mix-clubs") String rule,
                              @RequestParam(required = false) Integer rows,
                              @RequestParam(required = false) Integer seatsPerRow, Caller caller) {
        return office.seating(office.manage(id, caller), session, rule, rows, seatsPerRow);
    }

    @GetMapping("/{id}/sessions/{session}/seating-chart/pdf")
    ResponseEntity<byte[]> seatingChartPdf(@PathVariable String id, @PathVariable int session,
                                           @RequestParam(defaultValue = "mix-clubs") String rule,
                                           @RequestParam(required = false) Integer rows,
                                           @RequestParam(required = false) Integer seatsPerRow, Caller caller) {
        TrainingClass trainingClass = office.manage(id, caller);
        SeatingChart chart = office.seating(trainingClass, session, rule, rows, seatsPerRow);
        return download(TrainingPrints.seatingChart(trainingClass, trainingClass.requireSession(session), chart),
                PDF.toString(), id + "-session-" + session + "-seating.pdf");
    }

    @GetMapping("/{id}/sessions/{session}/seating-chart/csv")
    ResponseEntity<byte[]> seatingChartCsv(@PathVariable String id, @PathVariable int session,
                                           @RequestParam(defaultValue = "mix-clubs") String rule,
                                           @RequestParam(required = false) Integer rows,
                                           @RequestParam(required = false) Integer seatsPerRow, Caller caller) {
        SeatingChart chart = office.seating(office.manage(id, caller), session, rule, rows, seatsPerRow);
        return download(TrainingPrints.seatingCsv(chart), "text/csv;charset=UTF-8",
                id + "-session-" + session + "-seating.csv");
    }

    private static ResponseEntity<byte[]> download(byte[] body, String mediaType, String filename) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(mediaType))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(filename).build().toString())
                .body(body);
    }
}
