package id.slrt.exchange;

import java.util.UUID;

/** The answer to an upload: the job that runs it, or the earlier job of the same file (nothing new started). */
public record ImportStart(UUID id, boolean alreadyImported) {
}
