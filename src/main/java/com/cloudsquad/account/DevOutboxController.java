package com.cloudsquad.account;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /dev/outbox}: the mails a development instance did not send. It exists only when no SMTP
 * server is configured AND the app runs on its embedded database (a developer's machine, the test
 * run), and answers only requests from the machine itself: a production instance that forgot its
 * SMTP settings (it has a real database) only logs its mails and never shows verification links
 * to the network.
 */
@Controller
@ConditionalOnExpression("'${spring.mail.host:}'.isEmpty() and '${spring.datasource.url:}'.isEmpty()")
class DevOutboxController {

    static final String PATH = "/dev/outbox";

    private final DevOutbox outbox;

    DevOutboxController(DevOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping(PATH)
    String outbox(@RequestParam(required = false) String to, HttpServletRequest request, Model model) {
        if (!isLoopback(request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("mails", outbox.mails(to));
        return "account/outbox";
    }

    private static boolean isLoopback(String address) {
        try {
            // A literal address from the connection (or the proxy valve), so no name lookup happens.
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
