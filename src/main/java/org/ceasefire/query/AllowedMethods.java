package org.ceasefire.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which methods each registered path takes, so that a known resource asked with another method is
 * answered 405 with {@code Allow} rather than 404. Every GET route also answers HEAD.
 */
final class AllowedMethods {
    private record Template(Pattern path, String method) {
    }

    private final List<Template> templates;

    AllowedMethods(List<QueryServer.Route> routes) {
        this.templates = routes.stream().map(route -> new Template(compile(route.path()), route.method())).toList();
    }

    /** The methods {@code path} takes, GET before HEAD; empty when no route has that path. */
    Set<String> forPath(String path) {
        Set<String> allowed = new LinkedHashSet<>();
        for (Template template : templates) {
            if (template.path().matcher(path).matches()) {
                allowed.add(template.method());
                if (template.method().equals("GET")) {
                    allowed.add("HEAD");
                }
            }
        }
        return allowed;
    }

    /** Javalin's {@code /a/{id}} and {@code /a/<rest>} as a regular expression. */
    private static Pattern compile(String template) {
        StringBuilder regex = new StringBuilder();
        for (String segment : template.split("(?=[{<])|(?<=[}>])")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                regex.append("[^/]+");
            } else if (segment.startsWith("<") && segment.endsWith(">")) {
                regex.append(".+");
            } else {
                regex.append(Pattern.quote(segment));
            }
        }
        return Pattern.compile(regex + "/?");
    }
}
