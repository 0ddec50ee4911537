package org.federation.event.activities.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.federation.event.contracts.ActivitySnapshot;

/** Writes published activities as an iCalendar (RFC 5545) feed: CRLF lines folded at 75 octets. */
final class ICalendar {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    static String of(List<CalendarActivity> activities, java.time.Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Student Club Federation//event-service//EN");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "X-WR-CALNAME:" + text("Student Club Federation activities"));
        for (CalendarActivity entry : activities) {
            ActivitySnapshot a = entry.activity();
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + a.id() + "@event-service.federation");
            line(out, "DTSTAMP:" + UTC.format(now));
            line(out, "DTSTART:" + UTC.format(a.start()));
            line(out, "DTEND:" + UTC.format(a.end()));
            line(out, "SUMMARY:" + text(a.title()));
            line(out, "LOCATION:" + text(a.venue()));
            // calendar apps show no ORGANIZER without an e-mail address (and allow only one), so the
            // organising clubs are named where every app shows them: the description's first line
            String organisedBy = entry.organisedBy();
            String description = organisedBy == null ? a.description()
                    : "Organised by " + organisedBy + "." + (a.description() == null ? "" : "\n\n" + a.description());
            if (description != null) {
                line(out, "DESCRIPTION:" + text(description));
            }
            line(out, "CATEGORIES:" + text(a.category()));
            line(out, "STATUS:CONFIRMED");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** TEXT escaping: backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends a content line, folded so that no physical line exceeds 75 octets (UTF-8). */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 0;
                limit = 74;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
