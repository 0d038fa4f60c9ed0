package io.parley.assistant.control;

/**
 * The fault tolerance every provider client declares on its {@code complete}: one more try after a short pause while
 * nothing has reached the visitor ({@link ProviderUnavailable} only: never after a refusal, a 429 or a broken stream);
 * a circuit breaker per provider that opens when three of four calls failed and lets one through again after 30 s;
 * a ceiling on one whole answer (the configuration's own timeout and the failover budget bound the wait before the
 * first token; see {@link Target#readTimeout()}). Each value can be changed through MicroProfile Config
 * ({@code io.parley.assistant.control.OpenAiClient/complete/CircuitBreaker/delay=...}).
 */
final class FaultPolicy {

    static final int RETRIES = 1;
    static final long RETRY_DELAY_MS = 200;
    static final int VOLUME = 4;
    static final double FAILURE_RATIO = 0.75;
    static final long OPEN_MS = 30_000;
    static final long CEILING_MS = 120_000;

    private FaultPolicy() {
    }
}
