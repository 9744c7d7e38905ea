package com.cloudsquad.bank;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;

/** The admin account of the test run (APP_ADMIN_EMAILS lists it), registered on first use. */
final class AdminAccount {

    private static final String EMAIL = "journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL;

    private AdminAccount() {}

    static synchronized String ensure(int port) {
        // Registers, confirms the address (admin rights need it) and logs in; later calls only log in.
        new WebSession(port).register(EMAIL, "Ada Admin");
        return EMAIL;
    }
}
