package io.parley.inbox.boundary;

import io.parley.identity.boundary.Accounts;
import io.parley.identity.boundary.SigningKeys;
import io.parley.identity.boundary.TokenClaims;
import io.parley.identity.entity.Role;
import io.parley.identity.entity.User;
import io.parley.platform.entity.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Download links for exports. A browser downloads a file by following a link, which cannot carry the console's bearer
 * token; so an admin asks for a link, and its last part is a ticket: signed by Parley's signing key under an issuer of
 * its own (so it never passes for a sign-in, nor a sign-in for it), valid for {@link #VALID}, naming the admin and
 * what they asked for. Following it streams the file straight into the browser's downloads, however large. Signing
 * out everywhere or losing the admin role ends the tickets too (the account is checked when one is followed); any
 * node of a cluster can follow one, since nothing is kept.
 */
@ApplicationScoped
public class ExportTickets {

    static final String ISSUER = "parley-export";
    static final Duration VALID = Duration.ofSeconds(60);

    @Inject
    SigningKeys keys;

    @Inject
    Accounts accounts;

    public Ticket issue(User admin, SessionsResource.ExportRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(VALID);
        JsonObjectBuilder asked = Json.createObjectBuilder().add("format", request.format());
        put(asked, "status", request.status());
        put(asked, "assignedAgentId", request.assignedAgentId());
        put(asked, "q", request.q());
        put(asked, "from", request.from());
        put(asked, "to", request.to());
        String ticket = keys.sign(Json.createObjectBuilder()
                .add("iss", ISSUER)
                .add("jti", UUID.randomUUID().toString())
                .add("sub", admin.id())
                .add(TokenClaims.VERSION, admin.tokenVersion())
                .add("export", asked)
                .add("iat", now.getEpochSecond())
                .add("exp", expiresAt.getEpochSecond())
                .build());
        return new Ticket(ticket, expiresAt);
    }

    /**
     * The admin and their request.
     * @throws Refusal ({@code link_expired}, a 404 as for any link that leads nowhere) when the ticket is not one, has
     *         expired, or its admin is no longer one
     */
    public Redeemed redeem(String ticket) {
        JsonObject claims;
        try {
            claims = keys.verify(ticket, ISSUER);
        } catch (Refusal rejected) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "link_expired", "This download link has expired or is not one of Parley's: ask for the export again");
        }
        User admin = accounts.holderOf(claims.getString("sub", null), claims.getInt(TokenClaims.VERSION, -1))
                .filter(user -> user.roles().contains(Role.ADMIN))
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "link_expired", "This download link is no longer valid: ask for the export again"));
        JsonObject asked = claims.getJsonObject("export");
        return new Redeemed(admin, new SessionsResource.ExportRequest(asked.getString("format"), asked.getString("status", null),
                asked.getString("assignedAgentId", null), asked.getString("q", null), asked.getString("from", null),
                asked.getString("to", null)));
    }

    private static void put(JsonObjectBuilder builder, String name, String value) {
        if (value != null) {
            builder.add(name, value);
        }
    }

    public record Ticket(String ticket, Instant expiresAt) {
    }

    public record Redeemed(User admin, SessionsResource.ExportRequest request) {
    }
}
