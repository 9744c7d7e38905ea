// Every htmx request carries the CSRF token (Spring Security refuses state changes without it).
document.addEventListener("htmx:configRequest", (event) => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});

// While the server cannot answer (its database is away: 503), an htmx click or form other than
// autosave (which retries by itself) says so instead of doing nothing; the next answer clears it.
const connectionAlert = (text) => {
  let alert = document.getElementById("connection-alert");
  if (!alert && text) {
    alert = document.createElement("p");
    alert.id = "connection-alert";
    alert.className = "form-error";
    alert.setAttribute("role", "alert");
    alert.dataset.testid = "connection-alert";
    const main = document.getElementById("main");
    if (!main) return;
    main.prepend(alert);
  }
  if (alert) {
    if (text) {
      alert.textContent = text;
    } else {
      alert.remove();
    }
  }
};
document.addEventListener("htmx:responseError", (event) => {
  const code = event.detail.xhr ? event.detail.xhr.status : 0;
  if (event.target.id !== "answer-form" && code >= 500) {
    connectionAlert(code === 503
      ? "Cloud Squad cannot reach its database just now. Please try again in a moment."
      : "Something went wrong on our side. Please try again in a moment.");
  }
});
document.addEventListener("htmx:sendError", (event) => {
  if (event.target.id !== "answer-form") {
    connectionAlert("No connection to Cloud Squad. Please check your network and try again.");
  }
});
document.addEventListener("htmx:afterRequest", (event) => {
  if (event.detail.successful) {
    connectionAlert(null);
  }
});

// Upload progress for forms that show a <progress data-upload-progress> while htmx sends a file.
document.addEventListener("htmx:xhr:progress", (event) => {
  const bar = event.target.querySelector("progress[data-upload-progress]");
  if (bar && event.detail.lengthComputable) {
    bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
  }
});

// A select that chooses what a page shows (the certification of a new question) applies at once;
// without JavaScript its button does.
document.addEventListener("change", (event) => {
  const select = event.target;
  if (select.matches && select.matches("select[data-submit-on-change]") && select.form) {
    select.form.requestSubmit();
  }
});

// ---- Taking an attempt -------------------------------------------------------------------
// Autosave: the answer form posts on every change (htmx). When a save fails (network lost,
// server down) the page says so and sends the answer again until the server acknowledges it;
// navigation waits for the pending save, so nothing shown as saved is ever lost.
(() => {
  const form = () => document.getElementById("answer-form");
  let pending = false;
  let changes = 0; // choices made so far
  let sent = 0; // the choices the request in flight carries
  let retryDelay = 1000;
  let retryTimer = null;
  let pendingHref = null;

  const status = (state, text) => {
    const el = document.getElementById("save-status");
    if (el) {
      el.dataset.state = state;
      el.textContent = text;
    }
  };

  // Capture phase: counted before htmx (listening on the form) sends the request.
  document.addEventListener("change", (event) => {
    const f = form();
    if (f && f.contains(event.target)) {
      pending = true;
      changes++;
      f.querySelectorAll(".answer-option").forEach((label) => {
        const input = label.querySelector("input");
        label.classList.toggle("selected", !!(input && input.checked));
      });
    }
  }, true);

  document.addEventListener("htmx:beforeRequest", (event) => {
    if (event.target === form()) {
      sent = changes;
      status("saving", "Saving…");
    }
  });

  // Retried with backoff (1 s doubling to 10 s, with jitter so that thousands of pages do not all
  // come back at the same instant when the server or its database returns). The page says the
  // answer is not saved until the server acknowledges it: never a silent loss.
  const scheduleRetry = (reason) => {
    status("error", "Not saved yet — retrying…");
    const el = document.getElementById("save-status");
    if (el) el.dataset.reason = reason;
    clearTimeout(retryTimer);
    const delay = Math.round(retryDelay * (0.75 + Math.random() * 0.5));
    retryTimer = setTimeout(() => {
      const f = form();
      if (f) {
        status("saving", "Saving again…");
        htmx.trigger(f, "retry");
      }
    }, delay);
    retryDelay = Math.min(retryDelay * 2, 10000);
  };

  document.addEventListener("htmx:sendError", (event) => {
    if (event.target === form()) {
      scheduleRetry("no-connection");
    }
  });
  document.addEventListener("htmx:timeout", (event) => {
    if (event.target === form()) {
      scheduleRetry("timeout");
    }
  });
  document.addEventListener("htmx:responseError", (event) => {
    if (event.target === form()) {
      scheduleRetry(event.detail.xhr ? `http-${event.detail.xhr.status}` : "server");
    }
  });
  document.addEventListener("htmx:afterRequest", (event) => {
    if (event.target === form() && event.detail.successful) {
      // Saved only if no newer choice was made while this one was on its way (htmx sends it next).
      pending = sent !== changes;
      retryDelay = 1000;
      const state = document.getElementById("save-status");
      if (state && state.dataset.state === "closed") {
        form().querySelectorAll("input").forEach((input) => (input.disabled = true));
      }
      if (pendingHref && !pending) {
        const href = pendingHref;
        const again = pendingLinkId && document.getElementById(pendingLinkId);
        pendingHref = null;
        pendingLinkId = null;
        if (again) {
          again.click(); // the same link, now that the answer is saved (htmx swaps the card)
        } else {
          window.location.href = href;
        }
      }
    }
  });

  // Links away from the question wait for an unsaved answer. Capture phase: before htmx, which
  // handles a boosted link on the link itself, sends the request.
  let pendingLinkId = null;
  document.addEventListener("click", (event) => {
    const link = event.target.closest("a[href]");
    if (link && form() && pending && !event.defaultPrevented) {
      event.preventDefault();
      event.stopPropagation();
      pendingHref = link.href;
      pendingLinkId = link.id || null;
      status("saving", "Saving before leaving…");
    }
  }, true);

  // After htmx swaps in another question: a focused Previous/Next keeps its focus (htmx restores
  // it by id); otherwise focus goes to the new question's heading, so a screen reader reads it.
  document.addEventListener("htmx:afterSettle", (event) => {
    if (event.detail.target && event.detail.target.id === "question" || event.target.id === "question") {
      const active = document.activeElement;
      if (!active || active === document.body || !active.isConnected) {
        const title = document.getElementById("question-title");
        if (title) title.focus({ preventScroll: true });
      }
    }
  });

  // On a narrow screen the question grid starts folded, so the question comes first.
  const foldGrid = () => {
    const panel = document.getElementById("nav-panel");
    if (panel && !panel.dataset.folded && window.matchMedia("(max-width: 860px)").matches) {
      panel.dataset.folded = "true";
      panel.open = false;
    }
  };
  document.addEventListener("DOMContentLoaded", foldGrid);
  window.addEventListener("beforeunload", (event) => {
    if (form() && pending && !pendingHref) {
      event.preventDefault();
    }
  });

  // Keyboard: 1-9 choose, N next, P previous, F flag.
  document.addEventListener("keydown", (event) => {
    const f = form();
    if (!f || event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    const target = event.target;
    if (target && (target.tagName === "TEXTAREA" || target.tagName === "SELECT" ||
        (target.tagName === "INPUT" && !["radio", "checkbox"].includes(target.type)))) {
      return;
    }
    const key = event.key.toLowerCase();
    if (/^[1-9]$/.test(key)) {
      const inputs = f.querySelectorAll("input[name='choice']");
      const input = inputs[Number(key) - 1];
      if (input && !input.disabled) {
        event.preventDefault();
        input.click();
        input.focus();
      }
    } else if (key === "n" || key === "p") {
      const link = document.querySelector(`[data-nav='${key === "n" ? "next" : "prev"}']`);
      if (link) {
        event.preventDefault();
        link.click();
      }
    } else if (key === "f") {
      const flag = document.getElementById("flag-button");
      if (flag && !flag.disabled) {
        event.preventDefault();
        flag.click();
      }
    }
  });

  // The countdown only displays the server's deadline (sent as the time left when the page was
  // made). Warnings at 5 and 1 minutes; at zero the page goes to the results, which the server
  // closes and scores.
  // The deadline is read once per page load: a timer htmx brings back from its history cache
  // carries the old page's time left, so it counts down to the same end instead.
  let running = null;
  let end = null;
  const startTimer = () => {
    const timer = document.getElementById("timer");
    if (!timer || timer === running) {
      return;
    }
    running = timer;
    if (end === null) {
      end = performance.now() + Number(timer.dataset.remainingMs);
    }
    const announce = document.getElementById("timer-announce");
    let warned5 = false;
    let warned1 = false;
    const tick = () => {
      const left = Math.max(0, end - performance.now());
      const total = Math.ceil(left / 1000);
      const h = Math.floor(total / 3600);
      const m = Math.floor((total % 3600) / 60);
      const s = total % 60;
      const pad = (n) => String(n).padStart(2, "0");
      timer.textContent = (h > 0 ? `${h}:${pad(m)}` : `${m}`) + `:${pad(s)}`;
      timer.setAttribute("aria-label", `Time left: ${h > 0 ? h + " h " : ""}${m} min ${s} s`);
      if (left <= 300000 && !warned5) {
        warned5 = true;
        timer.classList.add("warn");
        if (announce && left > 60000) announce.textContent = "5 minutes left.";
      }
      if (left <= 60000 && !warned1) {
        warned1 = true;
        timer.classList.add("danger");
        if (announce) announce.textContent = "1 minute left.";
      }
      if (!timer.isConnected) {
        return; // replaced (history restore): its successor ticks on
      }
      if (left <= 0) {
        timer.textContent = "Time is up";
        const f = form();
        if (f) f.querySelectorAll("input, button").forEach((el) => (el.disabled = true));
        const go = () => (window.location.href = timer.dataset.resultsUrl);
        // Let a save in flight finish first.
        if (pending) {
          pendingHref = timer.dataset.resultsUrl;
          pendingLinkId = null;
          setTimeout(go, 5000);
        } else {
          setTimeout(go, 500);
        }
        return;
      }
      setTimeout(tick, 250);
    };
    tick();
  };
  document.addEventListener("DOMContentLoaded", startTimer);
  document.addEventListener("htmx:load", startTimer);
  document.addEventListener("htmx:historyRestore", startTimer);
})();
