package io.parley.platform.boundary;

import io.parley.platform.control.RateLimit;
import io.parley.platform.entity.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * What one anonymous visitor may do on the public endpoints, per chat session and per client address, each a
 * {@link RateLimit} from a {@code parley.limits.*} setting (docs/security.md, "Abuse limits"). A person typing fast, a
 * family behind one router or an office behind one NAT stays well within the defaults; a script does not. Going over
 * is refused with {@code rate_limited} and the seconds to wait, before anything is stored; nothing within the limits is
 * ever refused. Per node, in memory: no database round trip on the message path. The settings were checked at start
 * ({@link io.parley.platform.control.StartSettings}).
 */
@ApplicationScoped
public class VisitorLimits {

    @Inject
    Config config;

    private RateLimit messagesPerSession;
    private RateLimit messagesPerAddress;
    private RateLimit sessionsPerAddress;
    private RateLimit agentRequestsPerSession;
    private RateLimit agentRequestsPerAddress;
    private RateLimit attachmentsPerSession;
    private RateLimit attachmentBytesPerSession;
    private RateLimit attachmentsPerAddress;
    private RateLimit attachmentBytesPerAddress;
    private RateLimit ticketsPerAddress;
    private RateLimit refusalsPerAddress;

    @PostConstruct
    void read() {
        messagesPerSession = limit("session-messages");
        messagesPerAddress = limit("address-messages");
        sessionsPerAddress = limit("address-sessions");
        agentRequestsPerSession = limit("session-agent-requests");
        agentRequestsPerAddress = limit("address-agent-requests");
        attachmentsPerSession = limit("session-attachments");
        attachmentBytesPerSession = limit("session-attachment-bytes");
        attachmentsPerAddress = limit("address-attachments");
        attachmentBytesPerAddress = limit("address-attachment-bytes");
        ticketsPerAddress = limit("address-tickets");
        refusalsPerAddress = limit("address-refusals");
    }

    private RateLimit limit(String name) {
        String key = "parley.limits." + name;
        return RateLimit.parse(key, config.getValue(key, String.class));
    }

    /** @throws Refusal ({@code rate_limited}) when the session or the address sends messages faster than allowed */
    public void message(String sessionId, String address) {
        String tooQuickly = "You are sending messages too quickly";
        require(new Take(messagesPerSession, sessionId, 1, tooQuickly), new Take(messagesPerAddress, address, 1, tooQuickly));
    }

    /** @throws Refusal ({@code rate_limited}) when the address starts sessions faster than allowed */
    public void sessionStart(String address) {
        require(new Take(sessionsPerAddress, address, 1, "Too many conversations started from your address"));
    }

    /** @throws Refusal ({@code rate_limited}) when the session or the address asks for a person more often than allowed */
    public void agentRequest(String sessionId, String address) {
        String tooOften = "You have asked for a person too often";
        require(new Take(agentRequestsPerSession, sessionId, 1, tooOften), new Take(agentRequestsPerAddress, address, 1, tooOften));
    }

    /** @throws Refusal ({@code rate_limited}) when the session or the address sends more images, or more bytes, than allowed */
    public void attachment(String sessionId, String address, long bytes) {
        String tooQuickly = "You are sending images too quickly";
        String tooMuch = "You have sent too much in images";
        require(new Take(attachmentsPerSession, sessionId, 1, tooQuickly), new Take(attachmentsPerAddress, address, 1, tooQuickly),
                new Take(attachmentBytesPerSession, sessionId, bytes, tooMuch), new Take(attachmentBytesPerAddress, address, bytes, tooMuch));
    }

    /** @throws Refusal ({@code rate_limited}) when the address leaves messages with the offline form more often than allowed */
    public void ticket(String address) {
        require(new Take(ticketsPerAddress, address, 1, "Too many messages left from your address"));
    }

    /**
     * A client at {@code address} was refused something it sent: a frame or a request that was bad, or over a limit. A
     * first offence is only answered; a client that goes on regardless — more refusals than
     * {@code parley.limits.address-refusals} — is a script that does not listen, and every frame it sends costs the
     * server as much to read and refuse as any other to take. Its address is then shut out ({@link #shutOut}).
     * @return whether the address is shut out now: close the client's socket
     */
    public boolean strike(String address) {
        refusalsPerAddress.take(keyOf(address), 1);
        return shutOut(address).isPresent();
    }

    /**
     * How long clients at {@code address} may not open a visitor socket nor send to the public endpoints, if its
     * refusals are used up: until the allowance has refilled in part.
     */
    public Optional<Duration> shutOut(String address) {
        return refusalsPerAddress.untilAvailable(keyOf(address));
    }

    private static String keyOf(String address) {
        return address == null ? "unknown" : address;
    }

    /** Takes from each allowance in turn; when one refuses, what the others gave is given back, and nothing counts. */
    private static void require(Take... takes) {
        for (int i = 0; i < takes.length; i++) {
            Optional<Duration> wait = takes[i].limit().take(takes[i].key(), takes[i].units());
            if (wait.isPresent()) {
                for (int j = 0; j < i; j++) {
                    takes[j].limit().giveBack(takes[j].key(), takes[j].units());
                }
                throw Refusal.tooManyRequests(takes[i].message() + "; please wait a moment", wait.get());
            }
        }
    }

    /** Units of one allowance, of one key (an address Parley could not tell counts as one: "unknown"), and what going over it is called. */
    private record Take(RateLimit limit, String key, long units, String message) {

        Take {
            key = keyOf(key);
        }
    }
}
