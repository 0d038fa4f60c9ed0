package io.parley.systemtest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.parley.systemtest.support.Api;
import io.parley.systemtest.support.DeployedEndpoints.Endpoint;
import io.parley.systemtest.support.DeployedEndpoints;
import io.parley.systemtest.support.ParleyEnvironment;
import io.parley.systemtest.support.ParleyOnMariaDb.RunningParley;
import io.parley.systemtest.support.ParleyOnMariaDb;
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
    void anExportsDownloadLinkIsItsOwnAuthorityAndOnlyAdminsMakeOne() {
        // the browser follows the link without the console's token: the signed ticket in it is what lets it through
        // (AdminExportsIT proves a made-up, altered or revoked one leads nowhere)
        assertThat(rule("GET", "/api/admin/sessions/export/{ticket}").isPublic()).isTrue();
        assertThat(rule("POST", "/api/admin/sessions/export/link").roles()).containsExactly("admin");
        assertThat(api.get("/api/admin/sessions/export/" + UUID.randomUUID(), null).status()).isEqualTo(404);
    }

    @Test
    void thePeopleTheAuditLogAndTheSystemAreForAdminsOnly() {
        List<List<String>> adminOnly = List.of(List.of("GET", "/api/admin/users"), List.of("POST", "/api/admin/users"),
                List.of("POST", "/api/admin/users/{id}/password"), List.of("PUT", "/api/admin/users/{id}/active"),
                List.of("GET", "/api/admin/audit"), List.of("GET", "/api/admin/audit/actions"), List.of("GET", "/api/admin/system"));
        for (List<String> endpoint : adminOnly) {
            assertThat(rule(endpoint.get(0), endpoint.get(1))).as(endpoint.toString()).satisfies(admins -> {
                assertThat(admins.isPublic()).isFalse();
                assertThat(admins.roles()).containsExactly("admin");
            });
        }
        assertThat(api.get("/api/admin/system", agent).status()).as("an agent").isEqualTo(403);
        assertThat(api.get("/api/admin/system", admin).status()).as("an admin").isEqualTo(200);
    }

    @Test
    void theCannedResponsesAreReadByTheDeskAndChangedImportedAndExportedByAdmins() {
        for (String[] read : List.of(new String[] {"GET", "/api/canned-responses"}, new String[] {"GET", "/api/canned-responses/categories"})) {
            assertThat(rule(read[0], read[1]).roles()).as("%s %s", read[0], read[1]).containsExactlyInAnyOrder("admin", "agent");
        }
        for (String[] change : List.of(new String[] {"POST", "/api/canned-responses"}, new String[] {"PUT", "/api/canned-responses/{id}"},
                new String[] {"DELETE", "/api/canned-responses/{id}"}, new String[] {"GET", "/api/canned-responses/template"},
                new String[] {"GET", "/api/canned-responses/export"}, new String[] {"POST", "/api/canned-responses/import/preview"},
                new String[] {"POST", "/api/canned-responses/import"})) {
            assertThat(rule(change[0], change[1])).as("%s %s", change[0], change[1]).satisfies(endpoint -> {
                assertThat(endpoint.isPublic()).isFalse();
                assertThat(endpoint.roles()).containsExactly("admin");
            });
        }
    }

    @Test
    void theWidgetsLogoIsReadByAnyoneButUploadedOnlyByAdminsWhoAloneSeeTheSitesAndTheAnswers() {
        assertThat(rule("GET", "/api/widget/logos/{id}").isPublic()).as("the logo, in every visitor's widget").isTrue();
        for (String[] adminOnly : List.of(new String[] {"POST", "/api/admin/widget/logo"}, new String[] {"GET", "/api/admin/widget/sites"},
                new String[] {"GET", "/api/admin/accuracy"})) {
            assertThat(rule(adminOnly[0], adminOnly[1])).as(String.join(" ", adminOnly)).satisfies(endpoint -> {
                assertThat(endpoint.isPublic()).isFalse();
                assertThat(endpoint.roles()).containsExactly("admin");
            });
        }
        assertThat(rule("PUT", "/api/admin/accuracy/{messageId}/mark").roles()).as("agents mark answers in their conversations too")
                .containsExactlyInAnyOrder("admin", "agent");
        assertThat(api.get("/api/widget/logos/" + "0".repeat(64), null).status()).as("anonymous, a logo there is not").isEqualTo(404);
        assertThat(api.get("/api/admin/accuracy?marked=false", agent).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/accuracy?marked=false", admin).status()).isEqualTo(200);
        assertThat(api.get("/api/admin/accuracy?marked=maybe", admin).status()).isEqualTo(400);
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
