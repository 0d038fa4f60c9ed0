package io.parley.identity.boundary;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.parley.identity.entity.User;
import io.parley.identity.boundary.Caller;
import io.parley.platform.entity.Json;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in person's own account: who they are, their preferences, their password, signing out everywhere. */
@Path("me")
@RolesAllowed({"admin", "agent"})
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    @GET
    @BeforeOwnPassword
    public Me me() {
        return Me.of(caller.user());
    }

    /** Changes the preferences named in the body and keeps the others (a JSON merge patch of known fields). */
    @PATCH
    @Path("prefs")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    public Me changePreferences(@NotNull @Valid Preferences changes) {
        return Me.of(accounts.changePreferences(caller.user().id(), stored -> Preferences.parse(stored).with(changes).toJson()));
    }

    /** Every token of this person stops working, this one included: sign in again with the new password. */
    @POST
    @Path("password")
    @BeforeOwnPassword
    public void changePassword(@NotNull @Valid PasswordChange change) {
        accounts.changePassword(caller.actor(), change.currentPassword(), change.newPassword());
    }

    /** Every token of this person stops working, this one included, and their open console sockets are closed. */
    @POST
    @Path("sign-out-everywhere")
    @BeforeOwnPassword
    public void signOutEverywhere() {
        accounts.signOutEverywhere(caller.actor());
    }

    public record Me(UserView user, Preferences preferences) {
        static Me of(User user) {
            return new Me(UserView.of(user), Preferences.parse(user.preferences()));
        }
    }

    /** What the console remembers for a person; absent fields mean the console's default. */
    public record Preferences(Boolean desktopNotifications, Boolean sound,
                              @Pattern(regexp = "light|dark|system", message = "must be light, dark or system") String theme) {

        static Preferences parse(String json) {
            try {
                return Json.mapper().readValue(json, Preferences.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Stored preferences are not JSON", e);
            }
        }

        Preferences with(Preferences changes) {
            return new Preferences(
                    changes.desktopNotifications != null ? changes.desktopNotifications : desktopNotifications,
                    changes.sound != null ? changes.sound : sound,
                    changes.theme != null ? changes.theme : theme);
        }

        String toJson() {
            try {
                return Json.mapper().writeValueAsString(this);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Preferences are plain values", e);
            }
        }
    }

    public record PasswordChange(@NotNull String currentPassword, @NotNull String newPassword) {
    }
}
