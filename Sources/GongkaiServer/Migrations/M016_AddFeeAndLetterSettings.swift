import Fluent

/// 016: what fees and letters need per agency — how to pay the information-processing fee, whether the time from a
/// fee notice to payment leaves the answer period (第四十二条; a reading, so a setting), the body that hears a
/// reconsideration (复议机关) and the pattern of the 文号 on answers — and per application the fee noticed, the day
/// it was paid and the fee setting in force when the notice went out.
struct M016_AddFeeAndLetterSettings: AsyncMigration {
    // NB: one column per ALTER: SQLite adds a single column a statement.
    private static let agencyColumns: [(String, DatabaseSchema.DataType, [DatabaseSchema.FieldConstraint])] = [
        ("fee_payment", .string, [.required, .sql(.default(""))]),
        ("fee_time_excluded", .bool, [.required, .sql(.default(true))]),
        ("reconsideration_body", .string, [.required, .sql(.default(""))]),
        ("letter_number_pattern", .string, [.required, .sql(.default(""))]),
    ]
    private static let applicationColumns: [(String, DatabaseSchema.DataType, [DatabaseSchema.FieldConstraint])] = [
        ("fee_amount", .int, []),
        ("fee_paid_on", .string, []),
        ("fee_time_excluded", .bool, [.required, .sql(.default(true))]),
        ("letter_number", .string, [.required, .sql(.default(""))]),
    ]

    func prepare(on database: any Database) async throws {
        for (table, columns) in [("agencies", Self.agencyColumns), ("applications", Self.applicationColumns)] {
            for (name, type, constraints) in columns {
                try await database.schema(table).field(.definition(name: .key(.init(stringLiteral: name)), dataType: type, constraints: constraints))
                    .update()
            }
        }
    }

    func revert(on database: any Database) async throws {
        for (table, columns) in [("agencies", Self.agencyColumns), ("applications", Self.applicationColumns)] {
            for (name, _, _) in columns { try await database.schema(table).deleteField(.init(stringLiteral: name)).update() }
        }
    }
}
