import Foundation

/// Checks many reports at once on all cores. The caller supplies the bytes (this library does no I/O).
public enum ReportBatch {
    /// What became of one input.
    public struct Outcome: Sendable {
        public var name: String
        /// The report and every finding of the reader and the checker; nil when the input could not be read.
        public var result: ReadReport?
        public var error: String?

        public var hasErrors: Bool { result?.findings.hasErrors ?? false }
    }

    /// Reads and checks one input.
    public static func checkOne(
        name: String, data: Data, options: ReportReadOptions = .init(), previous: AnnualReport? = nil
    ) -> Outcome {
        do {
            return Outcome(name: name, result: try readAndCheck(data, options: options, previous: previous), error: nil)
        } catch {
            return Outcome(name: name, result: nil, error: error.description)
        }
    }

    /// The report in `data` with every finding of the reader and the checker.
    public static func readAndCheck(
        _ data: Data, options: ReportReadOptions = .init(), previous: AnnualReport? = nil
    ) throws(ReportReadError) -> ReadReport {
        var read = try ReportReader.read(data, options: options)
        read.findings += ReportChecker.check(read.report, previous: previous)
        return read
    }

    /// Checks `names.count` inputs with `workers` threads; `load` gives an input's bytes (or throws a readable
    /// error), `progress` is told how many are done. Outcomes come back in the order of `names`.
    public static func check(
        names: [String], workers: Int, options: ReportReadOptions = .init(), previous: AnnualReport? = nil,
        load: @escaping @Sendable (Int) throws -> Data, progress: (@Sendable (Int) -> Void)? = nil
    ) -> [Outcome] {
        let results = Results(count: names.count)
        let work: @Sendable (Int) -> Void = { index in
            let outcome: Outcome
            do {
                outcome = checkOne(name: names[index], data: try load(index), options: options, previous: previous)
            } catch {
                outcome = Outcome(name: names[index], result: nil, error: "cannot read the file: \(error.localizedDescription)")
            }
            let done = results.set(index, outcome)
            progress?(done)
        }
        let threads = max(1, min(workers, names.count))
        if threads == 1 {
            for index in names.indices { work(index) }
        } else {
            let next = Results.Counter()
            DispatchQueue.concurrentPerform(iterations: threads) { _ in
                while let index = next.take(below: names.count) { work(index) }
            }
        }
        return results.all()
    }

    /// NB: a lock rather than an actor: the workers are plain threads from `concurrentPerform`.
    private final class Results: @unchecked Sendable {
        private var outcomes: [Outcome?]
        private var done = 0
        private let lock = NSLock()

        init(count: Int) { outcomes = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ outcome: Outcome) -> Int {
            lock.lock()
            defer { lock.unlock() }
            outcomes[index] = outcome
            done += 1
            return done
        }

        func all() -> [Outcome] {
            lock.lock()
            defer { lock.unlock() }
            return outcomes.map { $0! }
        }

        final class Counter: @unchecked Sendable {
            private var value = 0
            private let lock = NSLock()

            func take(below limit: Int) -> Int? {
                lock.lock()
                defer { lock.unlock() }
                guard value < limit else { return nil }
                value += 1
                return value - 1
            }
        }
    }
}
