// swift-tools-version:5.9
import PackageDescription

let package = Package(
    name: "convviewer",
    products: [
        .executable(name: "convviewer", targets: ["convviewer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairo",
            path: "Sources/CCairo",
            pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CX11",
            path: "Sources/CX11",
            pkgConfig: "x11",
            providers: [.apt(["libx11-dev", "libxext-dev"])]
        ),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // Optimised in debug builds too: unoptimised SIMD code is a thousand times slower, too
        // slow for the tests and the NumPy check to train or evaluate a network.
        .target(name: "ConvNet", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        // Checked arithmetic (no -Ounchecked): `convviewer bench` measured the same convolution
        // throughput with and without it, and unchecked overflow once turned hostile sizes into
        // heap corruption.
        .target(name: "ConvModel", dependencies: ["ConvNet"]),
        .target(name: "ConvRender", dependencies: ["ConvModel", "CCairo"]),
        .executableTarget(
            name: "convviewer",
            dependencies: [
                "ConvModel", "ConvRender", "ConvNet", "CCairo", "CX11", "CZlib",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ConvModelTests", dependencies: ["ConvModel", "ConvNet"]),
        .testTarget(name: "ConvNetTests", dependencies: ["ConvNet"]),
        .testTarget(name: "ConvRenderTests", dependencies: ["ConvRender", "ConvModel", "ConvNet", "CCairo"]),
    ]
)
