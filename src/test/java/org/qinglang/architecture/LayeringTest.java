package org.qinglang.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages by capability and what each may use: pages and APIs on top, the stages of a case
 * below them, the case file and the process contract below every stage, and common helpers at the
 * bottom. No two packages use each other, directly or round a circle.
 */
@AnalyzeClasses(packages = "org.qinglang", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {

    static final String[] STAGES = {"org.qinglang.intake..", "org.qinglang.casework..", "org.qinglang.inbox..",
        "org.qinglang.mail..", "org.qinglang.notice..", "org.qinglang.escalation..", "org.qinglang.announcement..",
        "org.qinglang.registry..", "org.qinglang.workflow..", "org.qinglang.statistics.."};

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.qinglang.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule webOverStagesOverCaseOverCommon = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Web").definedBy("org.qinglang.web..")
            .layer("Stages").definedBy(STAGES)
            .layer("Case").definedBy("org.qinglang.casefile..", "org.qinglang.process..", "org.qinglang.security..",
                    "org.qinglang.calendar..",
                    "org.qinglang.operations..")
            .layer("Common").definedBy("org.qinglang.common..")
            .whereLayer("Web").mayNotBeAccessedByAnyLayer()
            .whereLayer("Stages").mayOnlyBeAccessedByLayers("Web")
            .whereLayer("Case").mayOnlyBeAccessedByLayers("Web", "Stages")
            .whereLayer("Common").mayOnlyBeAccessedByLayers("Web", "Stages", "Case");
}
