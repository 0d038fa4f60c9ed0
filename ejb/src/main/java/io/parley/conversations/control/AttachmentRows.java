package io.parley.conversations.control;

import com.mysql.cj.jdbc.JdbcConnection;
import io.parley.conversations.entity.Attachment;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Writes a new image's row, in the caller's transaction. On MySQL and MariaDB the statement is prepared on the server,
 * so its bytes travel as they are: the pool's statements (EclipseLink's among them) are prepared by Connector/J
 * itself, and it writes a blob into their text on a utf8mb4 connection as hex, one byte at a time through a boxed
 * callback — a third of the server's time when images arrive steadily (bench/README.md, "Abuse limits under load").
 * Every other statement stays as it is: prepared on the server, the message path's are slower. H2 takes the plain way.
 * Attachments are read back through JPA ({@link Attachment}).
 */
@ApplicationScoped
public class AttachmentRows {

    private static final String INSERT =
            "INSERT INTO attachments (id, session_id, media_type, size_bytes, content, created_at) VALUES (?, ?, ?, ?, ?, ?)";

    @Resource(lookup = "jdbc/parley")
    DataSource database;

    public void insert(Attachment attachment) {
        try (Connection connection = database.getConnection(); PreparedStatement insert = prepare(connection)) {
            insert.setString(1, attachment.id());
            insert.setString(2, attachment.sessionId());
            insert.setString(3, attachment.mediaType());
            insert.setInt(4, attachment.sizeBytes());
            insert.setBytes(5, attachment.content());
            insert.setObject(6, attachment.createdAt());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("The image could not be stored", e);
        }
    }

    private static PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.isWrapperFor(JdbcConnection.class)
                ? connection.unwrap(JdbcConnection.class).serverPrepareStatement(INSERT)
                : connection.prepareStatement(INSERT);
    }
}
