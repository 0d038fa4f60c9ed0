package io.parley.identity.boundary;

import io.parley.identity.boundary.SigningKeys;
import io.parley.platform.boundary.StartupComplete;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready ({@code "starting"}) until the application's start has finished, and not ready while console tokens cannot
 * be signed — in practice, a master key other than the one the database was set up with: the check says so in its
 * data, where an operator looks first, instead of a failure at each sign-in.
 */
@Readiness
@ApplicationScoped
public class SignInReadiness implements HealthCheck {

    @Inject
    SigningKeys signingKeys;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = StartupComplete.done() ? signingKeys.problem() : Optional.of("starting");
        var response = HealthCheckResponse.named("sign-in").status(problem.isEmpty());
        problem.ifPresent(reason -> response.withData("problem", reason));
        return response.build();
    }
}
