import ConvModel
import ConvRender

/// The errors that describe bad input in the user's words (as opposed to argument syntax).
func isDomainError(_ error: Error) -> Bool {
    error is CLIError || error is KernelError || error is SettingsError || error is ImageLoadError
        || error is BlankCanvasError || error is LimitError
}
