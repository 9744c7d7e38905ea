package com.cloudsquad.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

/**
 * Parts of pages that are the same every time they are shown (a closed attempt's answer review, a
 * dashboard between two attempts), rendered once by Thymeleaf and kept as HTML. Rendering long
 * pages expression by expression was most of their CPU.
 *
 * <p>The caller's key must name everything the part shows. A part may hold forms: their CSRF
 * token is the browser's, so the browser's CSRF cookie is always part of the key (a request
 * without it, whose token is being made, renders without keeping). Bounded by size, idle entries
 * go after 10 minutes.
 */
@Component
public class RenderedFragments {

    /** The cookie that holds the browser's CSRF token (set by the security configuration). */
    public static final String CSRF_COOKIE = "CLOUDSQUAD_CSRF";

    private record Key(Object part, String csrf) {}

    private final Cache<Key, String> rendered = Caffeine.newBuilder()
            .maximumWeight(64_000_000)
            .weigher((Key key, String html) -> html.length() * 2 + 200)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    private final ViewResolver views;

    RenderedFragments(@Qualifier("thymeleafViewResolver") ViewResolver views) {
        this.views = views;
    }

    /**
     * The HTML of {@code viewName} (e.g. {@code "exam/results :: answer-review"}) for {@code key}:
     * kept from an earlier request, or rendered now with the model the supplier gives.
     */
    public String html(
            Object key,
            String viewName,
            Supplier<Map<String, ?>> model,
            HttpServletRequest request,
            HttpServletResponse response) {
        String csrf = csrfCookie(request);
        if (csrf == null) {
            return render(viewName, model.get(), request, response);
        }
        return rendered.get(new Key(key, csrf), k -> render(viewName, model.get(), request, response));
    }

    /** Forgets every kept part whose key matches (tests, and parts whose data changed in place). */
    public void forget(java.util.function.Predicate<Object> key) {
        rendered.asMap().keySet().removeIf(k -> key.test(k.part()));
    }

    private static String csrfCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (CSRF_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return cookie.getValue();
                }
            }
        }
        return null;
    }

    private String render(
            String viewName, Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) {
        try {
            Locale locale = request.getLocale();
            View view = views.resolveViewName(viewName, locale);
            if (view == null) {
                throw new IllegalStateException("No view " + viewName);
            }
            Capture capture = new Capture(response);
            view.render(model, request, capture);
            capture.writer.flush();
            return capture.out.toString();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Could not render " + viewName, e);
        }
    }

    /** A response whose body goes to a string; its headers and status are left alone. */
    private static final class Capture extends HttpServletResponseWrapper {

        final StringWriter out = new StringWriter(8192);
        final PrintWriter writer = new PrintWriter(out);

        Capture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("A fragment is rendered as text");
        }

        @Override
        public void setContentType(String type) {}

        @Override
        public void setCharacterEncoding(String charset) {}

        @Override
        public void setLocale(Locale locale) {}

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        @Override
        public void flushBuffer() {}

        @Override
        public void resetBuffer() {
            out.getBuffer().setLength(0);
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }
}
