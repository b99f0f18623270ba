import ConvNet
import Glibc

/// `bench`'s "net" figures: the standard 8-16 network training and classifying on one thread,
/// on reproducible noise images (no data set needed; the arithmetic does not depend on the pixels).
enum NetBench {
    static let measures = "training_images_per_s: Trainer.step on batches of 32 (forward, backward, SGD with momentum), "
        + "one thread; inference_batch1_images_per_s: Network.classify of one image at a time (forward and softmax); "
        + "inference_batch256_images_per_s: the same over a set of 256 images, each pass reusing the same buffers. "
        + "The *_cpu figures divide by this thread's CPU time instead of wall time, so that other processes on a busy "
        + "machine do not lower them."

    static func json(quick: Bool) -> String {
        var rng = SeededGenerator(seed: 1)
        let count = 2048
        let pixels = (0..<count * 784).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let labels = (0..<count).map { _ in UInt8(rng.below(10)) }
        let set = ImageSet(rows: 28, columns: 28, pixels: pixels, labels: labels)
        let network = Network(.heNormal(.standard, using: &rng))

        var recipe = TrainingRecipe()
        recipe.epochs = 1_000_000
        var trainer = Trainer(network: network, images: set, recipe: recipe, generator: rng)
        let train = rate(images: quick ? 4096 : 30_000) { n in
            var done = 0
            while done < n { done += trainer.step().count }
            return done
        }
        let batch1 = rate(images: quick ? 4096 : 30_000) { n in
            set.pixels.withUnsafeBufferPointer { all in
                for _ in 0..<n { _ = network.classify(pixels: UnsafeBufferPointer(rebasing: all[0..<784])) }
            }
            return n
        }
        let batch256 = rate(images: quick ? 4096 : 30_000) { n in
            set.pixels.withUnsafeBufferPointer { all in
                var done = 0
                while done < n {
                    for i in 0..<256 { _ = network.classify(pixels: UnsafeBufferPointer(rebasing: all[i * 784 ..< (i + 1) * 784])) }
                    done += 256
                }
                return done
            }
        }
        func pair(_ name: String, _ r: (wall: Double, cpu: Double)) -> String {
            "\"\(name)\": \(Int(r.wall)), \"\(name)_cpu\": \(Int(r.cpu))"
        }
        return "{\"network\": \"8-16\", \(pair("training_images_per_s", train)), "
            + "\(pair("inference_batch1_images_per_s", batch1)), \(pair("inference_batch256_images_per_s", batch256)), "
            + "\"measures\": \"\(measures)\"}"
    }

    /// Images per second of wall time and of this thread's CPU time; `body(n)` does about n
    /// images and returns how many it did. A short warm-up run comes first.
    private static func rate(images n: Int, _ body: (Int) -> Int) -> (wall: Double, cpu: Double) {
        _ = body(256)
        let wall0 = Monotonic.now(), cpu0 = threadCPUTime()
        let done = body(n)
        let wall = Monotonic.now() - wall0, cpu = threadCPUTime() - cpu0
        return (Double(done) / max(wall, 1e-9), Double(done) / max(cpu, 1e-9))
    }

    static func threadCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
}
