package io.parley.assistant.control;

import io.parley.assistant.entity.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;

/** The client of each provider's wire format. */
@ApplicationScoped
public class LlmClients {

    private final Map<Provider, LlmClient> clients = new EnumMap<>(Provider.class);

    @Inject
    void collect(@Any Instance<LlmClient> all) {
        all.forEach(client -> clients.put(client.provider(), client));
    }

    public LlmClient of(Provider provider) {
        return clients.get(provider);
    }
}
