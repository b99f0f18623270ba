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
        .target(
            name: "ConvModel",
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]
        ),
        .target(name: "ConvRender", dependencies: ["ConvModel", "CCairo"]),
        .executableTarget(
            name: "convviewer",
            dependencies: [
                "ConvModel", "ConvRender", "CCairo", "CX11",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ConvModelTests", dependencies: ["ConvModel"]),
        .testTarget(name: "ConvRenderTests", dependencies: ["ConvRender", "ConvModel", "CCairo"]),
    ]
)
