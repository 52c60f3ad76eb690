//! The map's geometry: region outlines in SVG coordinates (from `public/data/geo/kz-regions.json`, made by
//! `scripts/make-geometry`), their centres, and which unit lies next in a direction — what the arrow keys
//! follow on the map.

use serde::Deserialize;

/// The map file.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GeoFile {
    /// 1.
    pub schema_version: u32,
    /// Where the boundaries come from.
    pub source: String,
    /// The projection used.
    pub projection: String,
    /// The source's licence notice.
    pub licence: String,
    /// Drawing width in SVG units.
    pub width: u32,
    /// Drawing height in SVG units.
    pub height: u32,
    /// One entry per unit.
    pub units: Vec<GeoUnit>,
}

/// One unit's outline.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct GeoUnit {
    /// ISO 3166-2:KZ code.
    pub code: String,
    /// Rings as flat `[x0, y0, x1, y1, …]` arrays; holes are rings too (draw with `fill-rule: evenodd`).
    pub rings: Vec<Vec<i32>>,
}

/// A point in SVG coordinates (y down).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// x.
    pub x: f64,
    /// y, growing downwards.
    pub y: f64,
}

impl GeoUnit {
    /// The SVG path of the outline: `M x,y x,y … Z` per ring.
    pub fn path(&self) -> String {
        let mut d = String::new();
        for ring in &self.rings {
            for (i, xy) in ring.chunks_exact(2).enumerate() {
                d.push(if i == 0 { 'M' } else { ' ' });
                d.push_str(&format!("{},{}", xy[0], xy[1]));
            }
            d.push('Z');
        }
        d
    }

    /// The signed area and centroid of a ring (shoelace formula).
    fn ring_centroid(ring: &[i32]) -> (f64, Point) {
        let points: Vec<(f64, f64)> = ring
            .chunks_exact(2)
            .map(|p| (f64::from(p[0]), f64::from(p[1])))
            .collect();
        let (mut area, mut cx, mut cy) = (0.0, 0.0, 0.0);
        for i in 0..points.len() {
            let (x0, y0) = points[i];
            let (x1, y1) = points[(i + 1) % points.len()];
            let cross = x0 * y1 - x1 * y0;
            area += cross;
            cx += (x0 + x1) * cross;
            cy += (y0 + y1) * cross;
        }
        area /= 2.0;
        if area.abs() < f64::EPSILON {
            let n = points.len().max(1) as f64;
            let sum = points
                .iter()
                .fold((0.0, 0.0), |s, p| (s.0 + p.0, s.1 + p.1));
            return (
                0.0,
                Point {
                    x: sum.0 / n,
                    y: sum.1 / n,
                },
            );
        }
        (
            area,
            Point {
                x: cx / (6.0 * area),
                y: cy / (6.0 * area),
            },
        )
    }

    /// The centre of the unit's largest ring: where a label or a city symbol goes.
    pub fn centre(&self) -> Point {
        self.rings
            .iter()
            .map(|r| Self::ring_centroid(r))
            .max_by(|a, b| a.0.abs().total_cmp(&b.0.abs()))
            .map_or(Point { x: 0.0, y: 0.0 }, |(_, p)| p)
    }

    /// The area of the largest ring, in square SVG units.
    pub fn area(&self) -> f64 {
        self.rings
            .iter()
            .map(|r| Self::ring_centroid(r).0.abs())
            .fold(0.0, f64::max)
    }
}

/// An arrow key's direction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// ArrowUp.
    Up,
    /// ArrowDown.
    Down,
    /// ArrowLeft.
    Left,
    /// ArrowRight.
    Right,
}

impl Direction {
    /// The direction of a `KeyboardEvent.key`, if it is an arrow key.
    pub fn from_key(key: &str) -> Option<Direction> {
        match key {
            "ArrowUp" => Some(Direction::Up),
            "ArrowDown" => Some(Direction::Down),
            "ArrowLeft" => Some(Direction::Left),
            "ArrowRight" => Some(Direction::Right),
            _ => None,
        }
    }

    fn unit_vector(self) -> (f64, f64) {
        match self {
            Direction::Up => (0.0, -1.0),
            Direction::Down => (0.0, 1.0),
            Direction::Left => (-1.0, 0.0),
            Direction::Right => (1.0, 0.0),
        }
    }
}

/// The index of the unit next to `from` in `direction`: among the centres lying within 60° of the
/// direction, the one with the smallest distance, where sideways offset counts double. `None` at the
/// edge of the map.
pub fn neighbour(centres: &[Point], from: usize, direction: Direction) -> Option<usize> {
    let origin = *centres.get(from)?;
    let (dx, dy) = direction.unit_vector();
    centres
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != from)
        .filter_map(|(i, p)| {
            let (vx, vy) = (p.x - origin.x, p.y - origin.y);
            let along = vx * dx + vy * dy;
            let across = (vx * dy - vy * dx).abs();
            // Within 60° of the direction: across ≤ tan(60°) × along.
            (along > 0.0 && across <= along * 3f64.sqrt()).then_some((i, along + 2.0 * across))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The index of the centre nearest to `point` within `radius`, for snapping a pointer to a small unit.
pub fn nearest_within(centres: &[Point], point: Point, radius: f64) -> Option<usize> {
    centres
        .iter()
        .enumerate()
        .map(|(i, c)| (i, (c.x - point.x).hypot(c.y - point.y)))
        .filter(|(_, d)| *d <= radius)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(code: &str, x: i32, y: i32, size: i32) -> GeoUnit {
        GeoUnit {
            code: code.into(),
            rings: vec![vec![x, y, x + size, y, x + size, y + size, x, y + size]],
        }
    }

    #[test]
    fn path_and_centre_of_a_square() {
        let u = square("KZ-11", 10, 20, 10);
        assert_eq!(u.path(), "M10,20 20,20 20,30 10,30Z");
        assert_eq!(u.centre(), Point { x: 15.0, y: 25.0 });
        assert_eq!(u.area(), 100.0);
    }

    #[test]
    fn neighbours_on_a_grid() {
        // 3 × 3 grid of centres, index = row * 3 + column.
        let centres: Vec<Point> = (0..9)
            .map(|i| Point {
                x: f64::from(i % 3) * 10.0,
                y: f64::from(i / 3) * 10.0,
            })
            .collect();
        let cases = [
            (4, Direction::Up, Some(1)),
            (4, Direction::Down, Some(7)),
            (4, Direction::Left, Some(3)),
            (4, Direction::Right, Some(5)),
            (0, Direction::Up, None),
            (0, Direction::Left, None),
            (2, Direction::Right, None),
            (6, Direction::Right, Some(7)),
        ];
        for (from, dir, want) in cases {
            assert_eq!(neighbour(&centres, from, dir), want, "{from} {dir:?}");
        }
        assert_eq!(neighbour(&centres, 99, Direction::Up), None);
    }

    #[test]
    fn the_real_map_has_a_neighbour_for_every_unit_and_the_cities_inside_their_regions() {
        let file: GeoFile =
            serde_json::from_str(include_str!("../../../public/data/geo/kz-regions.json"))
                .expect("map file");
        assert_eq!(file.units.len(), 20);
        let centres: Vec<Point> = file.units.iter().map(GeoUnit::centre).collect();
        for (i, u) in file.units.iter().enumerate() {
            let reachable = [
                Direction::Up,
                Direction::Down,
                Direction::Left,
                Direction::Right,
            ]
            .into_iter()
            .filter_map(|d| neighbour(&centres, i, d))
            .count();
            assert!(reachable >= 1, "{} is an island for the keyboard", u.code);
            assert!(u.path().starts_with('M'));
        }
        let code = |i: usize| file.units[i].code.as_str();
        let at = |c: &str| file.units.iter().position(|u| u.code == c).expect("unit");
        // Arrow keys follow the geography: west of Aktobe lie Atyrau and West Kazakhstan, Pavlodar lies
        // east of Akmola, and Turkistan south of Karaganda's neighbour Ulytau.
        let left_of_aktobe = code(neighbour(&centres, at("KZ-15"), Direction::Left).expect("left"));
        assert!(
            ["KZ-23", "KZ-27"].contains(&left_of_aktobe),
            "{left_of_aktobe}"
        );
        let step =
            |from: &str, d| code(neighbour(&centres, at(from), d).expect("a neighbour")).to_owned();
        assert_eq!(step("KZ-27", Direction::Right), "KZ-15");
        assert_eq!(step("KZ-10", Direction::Left), "KZ-35");
        assert_eq!(step("KZ-59", Direction::Down), "KZ-11");
        // Cities are small: Astana, Almaty, Shymkent.
        for city in ["KZ-71", "KZ-75", "KZ-79"] {
            assert!(file.units[at(city)].area() < 1500.0, "{city}");
        }
        // A pointer near Almaty's centre snaps to it.
        let almaty = centres[at("KZ-75")];
        let near = Point {
            x: almaty.x + 5.0,
            y: almaty.y - 3.0,
        };
        assert_eq!(nearest_within(&centres, near, 12.0), Some(at("KZ-75")));
    }
}
