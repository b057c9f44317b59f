package org.qinglang.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;

/**
 * A deployment the engine refused because a model broke our rules. It is the engine's
 * {@link ParseException}, so the REST API answers 400 with a report per file as Camunda Modeler
 * shows it; each message is in English and Chinese and names the element.
 */
public class ModelsRefusedByEngine extends ParseException {

    private final List<ModelValidator.Problem> problems;

    public ModelsRefusedByEngine(List<ModelValidator.Problem> problems, Map<ModelValidator.Problem, String> texts) {
        super("Models refused: " + String.join("; ", texts.values()), problems.get(0).model(), List.of(), List.of());
        this.problems = List.copyOf(problems);
        Map<String, List<Problem>> byModel = new LinkedHashMap<>();
        for (ModelValidator.Problem problem : problems) {
            byModel.computeIfAbsent(problem.model(), name -> new ArrayList<>())
                    .add(new Refusal(texts.get(problem), null));
        }
        resorceReports = new ArrayList<>();
        byModel.forEach((model, errors) -> resorceReports.add(new Report(model, errors)));
    }

    public List<ModelValidator.Problem> problems() {
        return problems;
    }

    private record Refusal(String message, String mainElementId) implements Problem {

        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return 0;
        }

        @Override
        public int getColumn() {
            return 0;
        }

        @Override
        public String getMainElementId() {
            return mainElementId;
        }

        @Override
        public List<String> getElementIds() {
            return mainElementId == null ? List.of() : List.of(mainElementId);
        }
    }

    private record Report(String resourceName, List<Problem> errors) implements ResourceReport {

        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }
}
