package io.github.ignitionassets.ignition;

import java.util.List;

/**
 * What {@link ConfigValidator} found: errors make Ignition refuse the config, warnings do not.
 *
 * @param errors   every error; for a config read from text, in document order, each with its line and column
 * @param warnings every warning, in the same order
 */
public record ValidationReport(List<Finding> errors, List<Finding> warnings) {

    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when there are no errors (warnings allowed), i.e. Ignition would accept the config. */
    public boolean isValid() {
        return errors.isEmpty();
    }
}
