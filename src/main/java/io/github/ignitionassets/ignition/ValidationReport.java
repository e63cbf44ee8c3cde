package io.github.ignitionassets.ignition;

import java.util.List;

/**
 * What {@link ConfigValidator} found: errors make Ignition refuse the config, warnings do not.
 *
 * @param errors   every error, in document order as far as possible
 * @param warnings every warning
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
