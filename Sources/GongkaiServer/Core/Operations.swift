import Fluent
import Foundation
import NIOConcurrencyHelpers
import Prometheus
import SQLKit
import Vapor

/// What operators watch: Prometheus metrics at `/metrics` and one structured log line per request.
final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let inFlight: Gauge
    let poolSize: Gauge
    let healthLatency: DurationHistogram
    private let requestBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    init(poolSize: Int) {
        inFlight = registry.makeGauge(
            descriptor: .init(namespace: "gongkai", metricName: "http_requests_in_flight", unitName: "", helpText: "Requests being answered now"))
        self.poolSize = registry.makeGauge(
            descriptor: .init(
                namespace: "gongkai", metricName: "db_pool_connections_max", unitName: "", helpText: "Database connections the pool may open"))
        self.poolSize.set(Double(poolSize))
        healthLatency = registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "gongkai", metricName: "db_ping_duration", unitName: "seconds",
                helpText: "Time for the health check's SELECT 1, including waiting for a pooled connection"),
            labels: [], buckets: requestBuckets)
    }

    func requests(method: String, route: String, status: Int) -> Counter {
        registry.makeCounter(
            descriptor: .init(
                namespace: "gongkai", metricName: "http_requests", unitName: "total", helpText: "Requests answered, by route and status"),
            labels: [("method", method), ("route", route), ("status", String(status))])
    }

    func duration(method: String, route: String) -> DurationHistogram {
        registry.makeDurationHistogram(
            descriptor: .init(
                namespace: "gongkai", metricName: "http_request_duration", unitName: "seconds", helpText: "Time to answer a request, by route"),
            labels: [("method", method), ("route", route)], buckets: requestBuckets)
    }
}

struct ServerMetricsKey: StorageKey {
    typealias Value = ServerMetrics
}

extension Application {
    var metrics: ServerMetrics {
        if let metrics = storage[ServerMetricsKey.self] { return metrics }
        let metrics = ServerMetrics(poolSize: 0)
        storage[ServerMetricsKey.self] = metrics
        return metrics
    }
}

/// Logs every request as one line with its fields as metadata (method, path, route, status, duration, request id)
/// and counts it in the metrics. The route is the registered pattern (`/a/:code/items/:id`), so the metrics do not
/// grow a series per item.
struct RequestLogMiddleware: AsyncMiddleware {
    let metrics: ServerMetrics

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let started = ContinuousClock.now
        metrics.inFlight.increment()
        defer { metrics.inFlight.decrement() }
        let method = request.method.rawValue
        do {
            let response = try await next.respond(to: request)
            finish(request, method: method, status: response.status.code, started: started)
            return response
        } catch {
            finish(request, method: method, status: (error as? any AbortError)?.status.code ?? 500, started: started)
            throw error
        }
    }

    private func finish(_ request: Request, method: String, status: UInt, started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "unmatched"
        metrics.requests(method: method, route: route, status: Int(status)).increment()
        metrics.duration(method: method, route: route).record(elapsed)
        let milliseconds = Double(elapsed.components.attoseconds / 1_000_000_000_000) / 1000 + Double(elapsed.components.seconds) * 1000
        request.logger.info(
            "request",
            metadata: [
                "method": .string(method), "path": .string(request.url.path), "route": .string(route),
                "status": .stringConvertible(status), "ms": .string(String(format: "%.1f", milliseconds)),
            ])
    }
}

/// `/metrics` in the Prometheus text format.
/// `METRICS_TOKEN`: the bearer token a scraper sends for `/metrics`; without one, `/metrics` is off.
struct MetricsTokenKey: StorageKey {
    typealias Value = String
}

extension Application {
    var metricsToken: String? {
        get { storage[MetricsTokenKey.self] }
        set { storage[MetricsTokenKey.self] = newValue }
    }
}

/// The server's counters for a scraper that presents `METRICS_TOKEN`; anyone else is told there is no such page.
@Sendable func metricsEndpoint(_ req: Request) async throws -> Response {
    guard let token = req.application.metricsToken, let sent = req.headers.bearerAuthorization?.token,
        Array(SHA256.hash(data: Data(sent.utf8))) == Array(SHA256.hash(data: Data(token.utf8)))
    else { throw Refused(.notFound, .problemNotFound) }
    var buffer: [UInt8] = []
    req.application.metrics.registry.emit(into: &buffer)
    var headers = HTTPHeaders()
    headers.contentType = HTTPMediaType(type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
    return Response(status: .ok, headers: headers, body: .init(data: Data(buffer)))
}
