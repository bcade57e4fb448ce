package dev.userconsole.store;

import dev.userconsole.config.MfaCodes;
import dev.userconsole.config.Settings;
import dev.userconsole.config.Target;

/** Opens the database the settings point at. */
public final class DynamoDbs {
    private DynamoDbs() {
    }

    public static DynamoDb open(Settings settings) {
        return open(settings, MfaCodes.NONE);
    }

    /** @param mfaCodes who to ask for an MFA code, when a role profile needs one */
    public static DynamoDb open(Settings settings, MfaCodes mfaCodes) {
        Target target = settings.target();
        if (target instanceof Target.Embedded embedded) {
            return EmbeddedDynamoDb.open(embedded.dataDir(), embedded.ownerOnly(), embedded.describe());
        }
        if (target instanceof Target.Endpoint endpoint) {
            return RemoteDynamoDb.open(endpoint, settings.callTimeout(), mfaCodes);
        }
        return RemoteDynamoDb.open((Target.Aws) target, settings.callTimeout(), mfaCodes);
    }
}
