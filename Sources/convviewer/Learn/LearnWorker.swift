import ConvModel
import Foundation
import Glibc

/// Runs a `LearnSession` on its own thread at the chosen speed and hands the main thread the
/// latest snapshot, the way `MapWorker` hands back maps: under a lock, with a byte in a pipe that
/// the event loop polls beside the X connection.
///
/// The main thread never waits for training: it sends actions (queued under the lock) and takes
/// the latest snapshot if there is one. Snapshots are made at most once a frame interval (60 a
/// second by default); at full speed the thread trains in slices between them, on an absolute
/// schedule of one a frame interval. Paused, the thread sleeps
/// on a condition until an action arrives: no work and no wake-ups.
final class LearnWorker {
    /// The loop polls its read end; it becomes readable when a new snapshot is ready.
    private let wake: WakePipe
    var wakeFD: Int32 { wake.readFD }
    private let condition = NSCondition()
    /// Shared with the thread, under `condition`.
    private var actions: [LearnAction] = []
    private var stopping = false
    private var latest: LearnSnapshot?
    /// Images per second of the training thread's own CPU time, for the trace (nil until measured).
    private var cpuRate: Double?
    private var signalled = false
    /// `pause()` waits for the thread to clear it; the snapshot the thread published last.
    private var pauseRequested = false
    private var lastPublished: LearnSnapshot?
    private let finished = DispatchSemaphore(value: 0)

    /// Seconds between snapshots at full speed: the window's frame interval (60 a second unless
    /// `--fps` says otherwise), so it draws at most one frame of training per interval.
    private let publishInterval: Double

    init?(session: LearnSession, publishInterval: Double = 1.0 / 60) {
        guard let wake = WakePipe() else { return nil }
        self.wake = wake
        self.publishInterval = publishInterval
        // Kept always (a copy of 5,258 numbers per batch of 32 images), so the gradient toggle
        // shows the last batch's at once, paused or not.
        session.keepsGradients = true
        latest = session.snapshot()
        let thread = Thread { [self] in run(session) }
        thread.name = "convviewer.learn"
        thread.qualityOfService = .userInitiated
        thread.start()
    }

    /// Asks the thread to stop and waits until it has (it finishes the batch it is on).
    func stop() {
        condition.lock()
        stopping = true
        condition.signal()
        condition.unlock()
        finished.wait()
    }

    func send(_ action: LearnAction) {
        condition.lock()
        actions.append(action)
        condition.signal()
        condition.unlock()
    }

    /// Pauses the training and waits (a second at most) until the thread has: the snapshot it
    /// returns holds the weights training stopped at, and no batch follows them. Nil when the
    /// thread did not answer in time.
    func pause() -> LearnSnapshot? {
        condition.lock()
        defer { condition.unlock() }
        pauseRequested = true
        condition.signal()
        let deadline = Date(timeIntervalSinceNow: 1)
        while pauseRequested, condition.wait(until: deadline) {}
        return pauseRequested ? nil : lastPublished
    }

    /// Images per CPU-second of the training thread, over its last second of CPU time.
    var imagesPerCPUSecond: Double? {
        condition.lock()
        defer { condition.unlock() }
        return cpuRate
    }

    /// On the main thread: the newest snapshot since the last call, if any.
    func take() -> LearnSnapshot? {
        condition.lock()
        let s = latest
        latest = nil
        signalled = false
        condition.unlock()
        wake.drain()
        return s
    }

    // MARK: the thread

    private func run(_ session: LearnSession) {
        var rate = RateMeter(), cpuRate = RateMeter()
        var nextBatch = Monotonic.now(), nextPublish = 0.0
        while true {
            condition.lock()
            // Paused and nothing asked: sleep until an action (or stop) arrives.
            while !stopping && actions.isEmpty && session.paused && !pauseRequested { condition.wait() }
            if !stopping, actions.isEmpty, !pauseRequested, session.batchesPerSecond != nil, Monotonic.now() < nextBatch {
                // A slow speed: wait for the next batch's time, or an action.
                _ = condition.wait(until: Date(timeIntervalSinceNow: max(0, nextBatch - Monotonic.now())))
            }
            if stopping {
                condition.unlock()
                break
            }
            let pending = actions, pausing = pauseRequested
            actions = []
            condition.unlock()

            for action in pending { session.apply(action) }
            if pausing, !session.paused { session.apply(.togglePause) }
            let wasPaused = session.paused
            if !session.paused {
                let now = Monotonic.now()
                if let perSecond = session.batchesPerSecond {
                    if now >= nextBatch {
                        session.step()
                        // Keep the pace from the schedule, but never run to catch up after a stall.
                        nextBatch = max(nextBatch + 1 / Double(perSecond), now)
                    }
                } else {
                    // Full speed: snapshots on an absolute schedule, so they come evenly 60 a
                    // second however long a batch takes. The slice stops before a batch that would
                    // end past the deadline (judged by the last one's time), not after it: ending
                    // late by up to a batch each time made 56 snapshots a second, not 60.
                    if nextPublish <= now { nextPublish = now + publishInterval }
                    var batch = 0.0
                    repeat {
                        let t0 = Monotonic.now()
                        session.step()
                        batch = Monotonic.now() - t0
                    } while !session.paused && Monotonic.now() + batch < nextPublish
                    nextPublish += publishInterval
                    nextBatch = Monotonic.now()
                }
            } else {
                nextBatch = Monotonic.now()
                nextPublish = 0
            }
            if wasPaused || session.paused {
                rate.reset()
                cpuRate.reset()
            } else {
                rate.note(images: session.imagesSeen, at: Monotonic.now())
                cpuRate.note(images: session.imagesSeen, at: NetBench.threadCPUTime())
            }
            publish(session.snapshot(imagesPerSecond: session.paused ? nil : rate.perSecond), cpu: cpuRate.perSecond,
                    answersPause: pausing)
        }
        finished.signal()
    }

    private func publish(_ snapshot: LearnSnapshot, cpu: Double?, answersPause: Bool) {
        condition.lock()
        latest = snapshot
        lastPublished = snapshot
        cpuRate = cpu
        if answersPause {
            pauseRequested = false
            condition.broadcast()
        }
        let needsWake = !signalled
        signalled = true
        condition.unlock()
        if needsWake { wake.signal() }
    }
}

/// Images per second over the last second or so.
struct RateMeter {
    private var start: (time: Double, images: Int)?
    private(set) var perSecond: Double?

    mutating func note(images: Int, at time: Double) {
        guard let s = start else {
            start = (time, images)
            return
        }
        let elapsed = time - s.time
        if elapsed >= 1 {
            perSecond = Double(images - s.images) / elapsed
            start = (time, images)
        }
    }

    mutating func reset() {
        start = nil
        perSecond = nil
    }
}
