package id.slrt.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Dates and times as the district reads them (its own time zone), for templates: {@code ${@fmt.dateTime(x)}}. */
@Component("fmt")
public class Formats {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final ZoneId zone;

    Formats(SlrtProperties props) {
        this.zone = props.timezone();
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** A file size for people: 820 B, 14 KB, 2,4 MB. */
    public String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        if (size < 1024 * 1024) {
            return (size / 1024) + " KB";
        }
        return String.format(java.util.Locale.forLanguageTag("id"), "%.1f MB", size / (1024.0 * 1024));
    }

    public ZoneId zone() {
        return zone;
    }
}
