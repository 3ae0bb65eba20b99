import Plot

/// A form field: one text line, a password, a text area or a choice.
struct FormField {
    enum Kind {
        case line
        case password
        case text(rows: Int)
        /// Ticked sends "on".
        case checkbox
        case choice([(value: String, label: String)])
    }

    var name: String
    var label: String
    var kind: Kind = .line
    var hint: String? = nil
}

/// Forms built from `FormField`s: each control labelled, each problem beside its field, what was typed kept.
enum FormViews {
    static func fields(_ fields: [FormField], values: [String: String], problems: [String: String]) -> Node<HTML.FormContext> {
        .forEach(fields) { field in
            StaffViews.field(
                field.name, field.label, problems: problems, control(field, value: values[field.name] ?? "", invalid: problems[field.name] != nil))
        }
    }

    /// The field's control; an invalid one says so (`aria-invalid`) and points at its message beside it.
    static func control(_ field: FormField, value: String, invalid: Bool = false) -> Node<HTML.FormContext> {
        // NB: Plot leaves out an attribute whose value is empty, so a valid field carries neither.
        let (ariaInvalid, describedBy) = invalid ? ("true", "\(field.name)-error") : ("", "")
        switch field.kind {
        case .line:
            return .group(
                .input(
                    .type(.text), .name(field.name), .id(field.name), .value(Views.attr(value)),
                    .attribute(named: "aria-invalid", value: ariaInvalid), .attribute(named: "aria-describedby", value: describedBy)),
                .unwrap(field.hint) { .element(named: "small", nodes: [.text($0)]) })
        case .password:
            return .group(
                .input(
                    .type(.password), .name(field.name), .id(field.name), .autocomplete(false), .attribute(named: "aria-invalid", value: ariaInvalid),
                    .attribute(named: "aria-describedby", value: describedBy)),
                .unwrap(field.hint) { .element(named: "small", nodes: [.text($0)]) })
        case .checkbox:
            // NB: the box on a line of its own, its hint beside it, so the form's button does not sit next to it.
            return .div(
                .class("check"),
                .input(
                    .type(.checkbox), .name(field.name), .id(field.name), .value("on"), .checked(value == "on"),
                    .attribute(named: "aria-invalid", value: ariaInvalid), .attribute(named: "aria-describedby", value: describedBy)),
                .unwrap(field.hint) { .element(named: "small", nodes: [.text(" " + $0)]) })
        case .text(let rows):
            return .textarea(
                .name(field.name), .id(field.name), .attribute(named: "rows", value: String(rows)),
                .attribute(named: "aria-invalid", value: ariaInvalid),
                .attribute(named: "aria-describedby", value: describedBy), .text(value))
        case .choice(let options):
            return .select(
                .attribute(named: "name", value: field.name), .id(field.name), .attribute(named: "aria-invalid", value: ariaInvalid),
                .attribute(named: "aria-describedby", value: describedBy),
                .forEach(options) { Views.option($0.value, $0.label, selected: $0.value == value) })
        }
    }

}
