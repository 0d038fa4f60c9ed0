package io.parley.push.boundary;

import io.parley.conversations.entity.InternalNote;
import io.parley.platform.entity.UtcClock;
import java.time.Instant;
import java.util.List;

/** A note agents keep on a session, as agents see it (visitors never do). */
public record NoteView(String id, String sessionId, String authorId, String text, Instant createdAt) {

    public static NoteView of(InternalNote note) {
        return new NoteView(note.id(), note.sessionId(), note.authorId(), note.text(), UtcClock.instant(note.createdAt()));
    }

    public static List<NoteView> of(List<InternalNote> notes) {
        return notes.stream().map(NoteView::of).toList();
    }
}
