package org.qinglang.common;

import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Decision tables in FEEL throughout, wherever a decision engine is built (the process engine's and
 * the one that tries triage tables before deployment). FEEL cannot reach Java: the engine's external
 * functions stay off.
 */
public final class FeelOnly {

    private FeelOnly() {
    }

    public static DefaultDmnEngineConfiguration configure(DefaultDmnEngineConfiguration dmn) {
        String feel = DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
        dmn.setDefaultInputExpressionExpressionLanguage(feel);
        dmn.setDefaultInputEntryExpressionLanguage(feel);
        dmn.setDefaultOutputEntryExpressionLanguage(feel);
        dmn.setDefaultLiteralExpressionLanguage(feel);
        return dmn;
    }
}
