package io.parley.platform.boundary;

import io.parley.identity.control.SigningKeys;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while console tokens cannot be signed — in practice, a master key other than the one the database was
 * set up with: the check says so in its data, where an operator looks first, instead of a failure at each sign-in.
 */
@Readiness
@ApplicationScoped
public class SignInReadiness implements HealthCheck {

    @Inject
    SigningKeys signingKeys;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem;
        try {
            problem = signingKeys.problem();
        } catch (EJBException starting) {
            problem = Optional.of("starting");
        }
        var response = HealthCheckResponse.named("sign-in").status(problem.isEmpty());
        problem.ifPresent(reason -> response.withData("problem", reason));
        return response.build();
    }
}
