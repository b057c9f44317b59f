package org.qinglang.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The grammar of the model sandbox, checked at deployment: an expression may hold literals,
 * variables, comparison, arithmetic, boolean logic and the choice operator, read a variable by name
 * ({@code execution.getVariable('x')}), and call the methods of our beans that {@link ModelBeans}
 * allows. Anything else (property access, other method calls, functions) is refused. The
 * expressions are parsed by the parser the engine evaluates them with, so what is checked here is
 * what would run. The same rules hold at run time ({@link SandboxExpressionManager}).
 */
public class ExpressionRules {

    /** The objects whose variables a model may read by name, and the reading methods. */
    static final Set<String> VARIABLE_SCOPES = Set.of("execution", "task");
    static final Set<String> VARIABLE_READS = Set.of("getVariable", "hasVariable", "getVariableLocal",
            "hasVariableLocal");

    /** One thing an expression may not do: a message key and what it names. */
    public record Violation(String key, String detail) {
    }

    private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    private final ModelBeans beans;

    public ExpressionRules(ModelBeans beans) {
        this.beans = beans;
    }

    /** Whether the text holds an expression the engine evaluates (else it is a literal). */
    public static boolean isExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    public List<Violation> check(String expression) {
        List<Violation> violations = new ArrayList<>();
        try {
            visit(PARSER.build(expression).getRoot(), violations);
        } catch (TreeBuilderException e) {
            violations.add(new Violation("model.problem.expression-syntax", firstLine(e.getMessage())));
        }
        return violations;
    }

    private void visit(Node node, List<Violation> violations) {
        if (node instanceof AstMethod method) {
            checkCall(method, violations);
            return;
        }
        if (node instanceof AstIdentifier || node instanceof AstText || node instanceof AstString
                || node instanceof AstNumber || node instanceof AstBoolean || node instanceof AstNull) {
            return;
        }
        if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
                || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
                || node instanceof AstParameters) {
            visitChildren(node, violations);
            return;
        }
        if (node instanceof AstDot || node instanceof org.camunda.bpm.impl.juel.AstBracket) {
            violations.add(new Violation("model.problem.expression-property", describe(node)));
        } else if (node instanceof org.camunda.bpm.impl.juel.AstFunction function) {
            violations.add(new Violation("model.problem.expression-function", function.getName() + "()"));
        } else {
            violations.add(new Violation("model.problem.expression-syntax", node.getClass().getSimpleName()));
        }
    }

    private void visitChildren(Node node, List<Violation> violations) {
        for (int i = 0; i < node.getCardinality(); i++) {
            visit(node.getChild(i), violations);
        }
    }

    /** {@code receiver.method(args)}: allowed on our callable beans and to read variables. */
    private void checkCall(AstMethod call, List<Violation> violations) {
        Node property = call.getChild(0);
        Node arguments = call.getChild(1);
        if (property instanceof AstDot dot && !(dot.getChild(0) instanceof AstIdentifier)) {
            // A call on the result of another call or property: report the inner ones as well.
            visit(dot.getChild(0), violations);
        }
        if (property instanceof AstDot dot && dot.getChild(0) instanceof AstIdentifier receiver) {
            String method = methodName(dot);
            String name = receiver.getName();
            boolean readsVariable = VARIABLE_SCOPES.contains(name) && VARIABLE_READS.contains(method);
            if (readsVariable || beans.isCallable(name, method)) {
                visitChildren(arguments, violations);
                return;
            }
            violations.add(new Violation("model.problem.expression-method", name + "." + method + "()"));
            return;
        }
        violations.add(new Violation("model.problem.expression-method", describe(property) + "()"));
    }

    private static String methodName(AstDot dot) {
        // The parser keeps the name to itself; its text form is ". name".
        return dot.toString().substring(2);
    }

    private static String describe(Node node) {
        if (node instanceof AstDot dot) {
            Node prefix = dot.getChild(0);
            return (prefix instanceof AstIdentifier identifier ? identifier.getName() : "…") + "."
                    + methodName(dot);
        }
        return node.toString();
    }

    private static String firstLine(String message) {
        String text = String.valueOf(message);
        return text.lines().findFirst().orElse(text);
    }
}
