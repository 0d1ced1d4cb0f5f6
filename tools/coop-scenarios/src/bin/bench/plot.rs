//! The scaling plot: median billed CPU and median elapsed time of the scaled actions (and
//! of the transfers run alongside) against the cooperative's size, as a PNG. Drawn with
//! plotters' bitmap backend; text needs a TrueType font file (DejaVu Sans, Debian's
//! `fonts-dejavu-core`, which `scripts/bench` installs): without one the plot is drawn
//! without text and the report gives the legend.
use crate::scaling::ScalePoint;
use plotters::prelude::*;
use std::path::Path;

/// The picture's size.
const SIZE: (u32, u32) = (1400, 600);
/// Where a font may be (the first that exists is used); `BENCH_FONT` overrides.
const FONTS: [&str; 2] = ["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/TTF/DejaVuSans.ttf"];
/// Each line's colour, in the order of the actions of a scale point (transfer first).
pub const COLOURS: [(RGBColor, &str); 5] = [
    (RGBColor(120, 120, 120), "grey"),
    (RED, "red"),
    (BLUE, "blue"),
    (RGBColor(0, 150, 0), "green"),
    (MAGENTA, "magenta"),
];

/// Draws `points` to `path`; returns whether the text (titles, axes, legend) could be drawn.
pub fn draw(points: &[ScalePoint], path: &Path) -> Result<bool, String> {
    let text = load_font();
    let (width, height) = SIZE;
    let mut pixels = vec![0u8; (width * height * 3) as usize];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, SIZE).into_drawing_area();
        root.fill(&WHITE).map_err(err)?;
        let panels = root.split_evenly((1, 2));
        panel(&panels[0], points, "Billed CPU, median (µs)", text, |a| a.cpu_median_us)?;
        panel(&panels[1], points, "Elapsed, median (µs)", text, |a| a.elapsed_median_us)?;
        root.present().map_err(err)?;
    }
    let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(err)?;
    writer.write_image_data(&pixels).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(text)
}

/// One chart: a line per action, x = members (log scale).
fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    points: &[ScalePoint],
    title: &str,
    text: bool,
    value: fn(&crate::scaling::ScaledAction) -> f64,
) -> Result<(), String> {
    let xs: Vec<f64> = points.iter().map(|p| p.members.max(1) as f64).collect();
    let x_min = xs.iter().copied().fold(f64::INFINITY, f64::min) / 2.0;
    let x_max = xs.iter().copied().fold(1.0, f64::max) * 2.0;
    // Room above the highest line for the legend.
    let y_max = points.iter().flat_map(|p| p.actions.iter().map(value)).fold(0.0, f64::max).max(1e-9) * 1.7;
    let y_label = |y: &f64| format!("{y:.0}");
    let mut builder = ChartBuilder::on(area);
    builder.margin(20);
    if text {
        builder.caption(title, ("sans-serif", 22)).x_label_area_size(45).y_label_area_size(60);
    }
    let mut chart = builder.build_cartesian_2d((x_min..x_max).log_scale(), 0.0..y_max).map_err(err)?;
    let mut mesh = chart.configure_mesh();
    mesh.x_max_light_lines(0).y_max_light_lines(1);
    if text {
        mesh.x_desc("members and open decisions of the cooperative (log scale)")
            .y_desc("µs")
            .label_style(("sans-serif", 15))
            .x_labels(4)
            .x_label_formatter(&|x| thousands(x.round() as u64))
            .y_label_formatter(&y_label);
    } else {
        mesh.x_labels(0).y_labels(0);
    }
    mesh.draw().map_err(err)?;
    let names: Vec<String> =
        points.first().map(|p| p.actions.iter().map(|a| a.name.clone()).collect()).unwrap_or_default();
    for (i, name) in names.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()].0;
        let line: Vec<(f64, f64)> = points
            .iter()
            .zip(&xs)
            .filter_map(|(p, x)| p.actions.iter().find(|a| &a.name == name).map(|a| (*x, value(a))))
            .collect();
        let series = chart.draw_series(LineSeries::new(line.clone(), colour.stroke_width(3))).map_err(err)?;
        if text {
            series
                .label(name.as_str())
                .legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 24, y)], colour.stroke_width(3)));
        }
        chart.draw_series(line.into_iter().map(|p| Circle::new(p, 5, colour.filled()))).map_err(err)?;
    }
    if text {
        chart
            .configure_series_labels()
            .position(SeriesLabelPosition::UpperRight)
            .label_font(("sans-serif", 15))
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .draw()
            .map_err(err)?;
    }
    Ok(())
}

/// Registers a TrueType font as "sans-serif"; false when there is none.
fn load_font() -> bool {
    let candidates = std::env::var("BENCH_FONT").into_iter().chain(FONTS.iter().map(|f| f.to_string()));
    for path in candidates {
        if let Ok(bytes) = std::fs::read(&path) {
            // plotters keeps fonts for the life of the process.
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            if plotters::style::register_font("sans-serif", FontStyle::Normal, bytes).is_ok() {
                return true;
            }
        }
    }
    false
}

/// `12345` as `12,345`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn err(e: impl std::fmt::Display) -> String {
    format!("drawing the plot: {e}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scaling::ScaledAction;

    fn point(members: usize, base: f64) -> ScalePoint {
        let action = |name: &str, us: f64| ScaledAction {
            name: name.into(),
            runs: 1,
            cpu_median_us: us,
            cpu_p90_us: us,
            elapsed_median_us: us / 2.0,
            elapsed_p90_us: us / 2.0,
            ratio_transfer: 1.0,
        };
        let actions = vec![action("eosio.token::transfer", base), action("soviet::exec", base * 3.0)];
        ScalePoint { members, members_after: members + 1, open_decisions: members, actions }
    }

    #[test]
    fn the_plot_is_a_png() {
        let path = std::env::temp_dir().join(format!("bench-plot-{}.png", std::process::id()));
        draw(&[point(10, 120.0), point(1_003, 125.0), point(10_040, 118.0)], &path).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        if std::env::var_os("BENCH_KEEP_PLOT").is_none() {
            std::fs::remove_file(&path).unwrap();
        }
        assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(thousands(10_040), "10,040");
        assert_eq!(thousands(999), "999");
    }
}
