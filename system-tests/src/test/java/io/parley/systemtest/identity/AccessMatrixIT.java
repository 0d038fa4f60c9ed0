package io.parley.systemtest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.DeployedEndpoints;
import io.parley.systemtest.support.DeployedEndpoints.Endpoint;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.ParleyOnMariaDb;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every REST method of the deployed war, found in the war itself, against its access rule: anonymous callers get 401
 * unless it is public, agents 403 where it is for admins only, admins get through. An endpoint added without a rule
 * fails here.
 */
@ExtendWith(ParleyOnMariaDb.class)
class AccessMatrixIT {

    private static final List<Endpoint> ENDPOINTS = DeployedEndpoints.of(Path.of(System.getProperty("parley.war")));
    private static final String AGENT_PASSWORD = "matrix agent passphrase 3Tz";
    private static Api api;
    private static String agentEmail;
    private static String agent;
    private static String admin;

    @BeforeAll
    static void callers(RunningParley parley) {
        api = parley.api();
        admin = parley.adminToken();
        agentEmail = "matrix-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        api.createUser(admin, agentEmail, AGENT_PASSWORD, "agent");
        agent = api.login(agentEmail, AGENT_PASSWORD);
    }

    /** Signs a caller in again when the endpoint just called ended their tokens (sign out everywhere does). */
    private static void signInAgainWhereSignedOut() {
        if (api.get("/api/me", agent).status() == 401) {
            agent = api.login(agentEmail, AGENT_PASSWORD);
        }
        if (api.get("/api/me", admin).status() == 401) {
            admin = api.login(ParleyEnvironment.ADMIN_EMAIL, ParleyEnvironment.ADMIN_PASSWORD);
        }
    }

    @Test
    void theWarHasEndpointsAndEachDeclaresWhoMayCallIt() {
        assertThat(ENDPOINTS).extracting(Endpoint::path).contains("/api/auth/login", "/api/admin/users", "/api/me");
        assertThat(ENDPOINTS).as("endpoints without @PermitAll or @RolesAllowed")
                .allSatisfy(endpoint -> assertThat(endpoint.isPublic() || !endpoint.roles().isEmpty()).as(endpoint.toString()).isTrue());
    }

    @Test
    void theWidgetsEndpointsAreOpenToVisitorsAndItsSettingsAndTicketsToTheDesk() {
        assertThat(rule("GET", "/api/widget/config").isPublic()).as("the widget's config").isTrue();
        assertThat(rule("POST", "/api/tickets").isPublic()).as("the offline form").isTrue();
        assertThat(rule("POST", "/api/chat/rating").isPublic()).as("the rating, proven by the session's token").isTrue();
        assertThat(rule("GET", "/api/tickets")).satisfies(tickets -> {
            assertThat(tickets.isPublic()).isFalse();
            assertThat(tickets.roles()).containsExactlyInAnyOrder("admin", "agent");
        });
        for (String method : List.of("GET", "PUT")) {
            assertThat(rule(method, "/api/admin/widget")).satisfies(look -> {
                assertThat(look.isPublic()).isFalse();
                assertThat(look.roles()).containsExactly("admin");
            });
        }
        assertThat(api.get("/api/widget/config", null).status()).as("anonymous").isEqualTo(200);
    }

    @Test
    void theFleetsOrderItsFiguresAndTheAssistantsPlaygroundAreForAdminsOnly() {
        for (Endpoint endpoint : List.of(rule("PUT", "/api/admin/llm-configs/order"), rule("GET", "/api/admin/accuracy/configs"),
                rule("POST", "/api/admin/assistant/playground"))) {
            assertThat(endpoint.isPublic()).as(endpoint.toString()).isFalse();
            assertThat(endpoint.roles()).as(endpoint.toString()).containsExactly("admin");
        }
        assertThat(api.call("PUT", "/api/admin/llm-configs/order", agent, Map.of("ids", List.of())).status()).as("agent").isEqualTo(403);
        assertThat(api.post("/api/admin/assistant/playground", null, Map.of("systemPrompt", "Be brief.", "question", "Hello?")).status())
                .as("anonymous").isEqualTo(401);
    }

    private static Endpoint rule(String method, String path) {
        return ENDPOINTS.stream().filter(endpoint -> endpoint.method().equals(method) && endpoint.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + method + " " + path + " in the war"));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachCallerAsItsRuleSays() {
        return ENDPOINTS.stream().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            String path = endpoint.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Object body = List.of("POST", "PUT", "PATCH").contains(endpoint.method()) ? Map.of() : null;
            int anonymous = api.call(endpoint.method(), path, null, body).status();
            int asAgent = api.call(endpoint.method(), path, agent, body).status();
            int asAdmin = api.call(endpoint.method(), path, admin, body).status();
            signInAgainWhereSignedOut();
            if (endpoint.isPublic()) {
                assertThat(anonymous).as("anonymous").isNotIn(401, 403);
            } else {
                assertThat(anonymous).as("anonymous").isEqualTo(401);
            }
            if (endpoint.allows("agent")) {
                assertThat(asAgent).as("agent").isNotIn(401, 403);
            } else {
                assertThat(asAgent).as("agent").isEqualTo(403);
            }
            if (endpoint.allows("admin")) {
                assertThat(asAdmin).as("admin").isNotIn(401, 403);
            } else {
                assertThat(asAdmin).as("admin").isEqualTo(403);
            }
        }));
    }
}
