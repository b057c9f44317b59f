package org.qinglang.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A task's name in another language keeps the values the engine filled into it, and nothing is evaluated. */
class ModelTextsTest {

    private static final UnaryOperator<String> AS_IS = UnaryOperator.identity();

    @Test
    void theValuesFilledIntoTheNameAreCarriedIntoTheTranslation() {
        assertThat(ModelTexts.fill("核实举报 ${caseNumber} · ${platformName}", "Verify complaint ${caseNumber} · ${platformName}",
                "核实举报 QL-2026-000001 · 短视频 ShortVideo", value -> Map.of("短视频 ShortVideo", "ShortVideo").getOrDefault(value, value)))
                .isEqualTo("Verify complaint QL-2026-000001 · ShortVideo");
        // In another order, or the same expression twice.
        assertThat(ModelTexts.fill("${a}：${b}", "${b} of ${a} (${b})", "x：y", AS_IS)).isEqualTo("y of x (y)");
    }

    @Test
    void aValueThatLooksLikeAnExpressionOrAPatternStaysText() {
        assertThat(ModelTexts.fill("核实举报 ${caseNumber}", "Verify ${caseNumber}", "核实举报 ${x}.*[", AS_IS))
                .isEqualTo("Verify ${x}.*[");
        assertThat(ModelTexts.fill("审批 (${caseNumber})", "Approve (${caseNumber})", "审批 ($1)", AS_IS))
                .isEqualTo("Approve ($1)");
    }

    @Test
    void aNameThatDoesNotFitTheTemplateOrATranslationNeedingAnotherValueIsLeftAsShown() {
        assertThat(ModelTexts.fill("核实举报 ${caseNumber}", "Verify ${caseNumber}", "旧名称 QL-1", AS_IS)).isEqualTo("旧名称 QL-1");
        assertThat(ModelTexts.fill("核实举报 ${caseNumber}", "Verify ${caseNumber} for ${platformName}", "核实举报 QL-1", AS_IS))
                .isEqualTo("核实举报 QL-1");
        assertThat(ModelTexts.fill(null, "Verify", "核实", AS_IS)).isEqualTo("核实");
    }
}
