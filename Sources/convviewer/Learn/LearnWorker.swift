import ConvModel
import ConvNet
import Foundation

/// Runs a `LearnSession` on a thread of its own, so the window keeps drawing while the network
/// trains. The main thread sends commands and takes the newest report; the worker publishes one
/// about 60 times a second while it runs (one for each frame), and after every command. Nothing here touches X.
final class LearnWorker {
    private let condition = NSCondition()
    private var commands: [LearnCommand] = []
    private var report: LearnProgress?
    private var reports = 0
    private var problem: String?
    private var thread: Thread?

    /// Sends a command, starting the thread on the first one. The thread keeps this worker until
    /// it is sent `.stop`.
    func send(_ command: LearnCommand) {
        condition.lock()
        commands.append(command)
        condition.signal()
        condition.unlock()
        if thread == nil {
            let t = Thread { [weak self] in self?.work() }
            t.name = "convviewer.learn"
            t.qualityOfService = .userInitiated
            thread = t
            t.start()
        }
    }

    /// The newest report not taken yet, and a problem the worker met (the data would not load).
    func take() -> (progress: LearnProgress?, problem: String?) {
        condition.lock()
        defer { condition.unlock() }
        let r = report, p = problem
        report = nil
        problem = nil
        return (r, p)
    }

    /// Waits (up to `seconds`) for a report after the ones seen so far: `step` shows its batch
    /// at once, although nothing animates while training is paused.
    func waitForReport(seconds: Double) -> LearnProgress? {
        condition.lock()
        let seen = reports, deadline = Date(timeIntervalSinceNow: seconds)
        while reports == seen && problem == nil && condition.wait(until: deadline) {}
        condition.unlock()
        return take().progress
    }

    private func publish(_ p: LearnProgress) {
        condition.lock()
        report = p
        reports += 1
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        var data: LearnData?
        var session: LearnSession?
        var running = false, pendingSteps = 0
        var speed: Double?
        var nextBatch = Monotonic.now()
        var lastReport = 0.0
        var rate: (time: Double, images: Int) = (Monotonic.now(), 0)
        while true {
            condition.lock()
            while commands.isEmpty && !(session != nil && (running || pendingSteps > 0)) {
                condition.wait()
            }
            // At a slow speed, wait for the next batch's time unless a command comes first.
            if commands.isEmpty, running, speed != nil, Monotonic.now() < nextBatch {
                _ = condition.wait(until: Date(timeIntervalSinceNow: nextBatch - Monotonic.now()))
            }
            let batch = commands
            commands = []
            condition.unlock()

            var changed = false
            for command in batch {
                changed = true
                switch command {
                case let .start(weights, lr, s, run):
                    do {
                        if data == nil { data = try LearnData.load() }
                    } catch {
                        condition.lock()
                        problem = "\(error)"
                        condition.broadcast()
                        condition.unlock()
                        return
                    }
                    session = LearnSession(data: data!, from: weights, learningRate: lr)
                    speed = s
                    running = run
                case .pause: running = false
                case .resume: running = true
                case .step:
                    running = false
                    pendingSteps += 1
                case let .setSpeed(s): speed = s
                case let .setLearningRate(lr): session?.learningRate = lr
                case .reset:
                    if let d = data, let old = session { session = LearnSession(data: d, from: nil, learningRate: old.learningRate) }
                case .stop:
                    return
                }
            }
            guard let s = session else { continue }
            let now = Monotonic.now()
            if pendingSteps > 0 || (running && (speed == nil || now >= nextBatch)) {
                s.step()
                changed = true
                if pendingSteps > 0 { pendingSteps -= 1 }
                if let speed { nextBatch = max(nextBatch + 1 / speed, now) }
            }
            if now - rate.time >= 1 {
                s.imagesPerSecond = Double(s.progress.imagesSeen - rate.images) / (now - rate.time)
                rate = (now, s.progress.imagesSeen)
            }
            if changed, !running || now - lastReport >= 1.0 / 60 {
                lastReport = now
                publish(s.progress)
            }
        }
    }
}
