package io.dealsync.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The report templates ({@code src/main/jte}), precompiled to classes at build time by jte's Maven plugin, so the
 * launcher needs neither a compiler nor the template sources at run time. HTML output: every {@code ${...}} is
 * escaped for where it stands (text or attribute).
 */
final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {
    }

    static String render(String template, Object model) {
        StringOutput out = new StringOutput(32_768);
        ENGINE.render(template, model, out);
        return out.toString();
    }
}
