//! Python objects and JSON values: records go out as dicts and lists, documents come in as
//! dicts of str, numbers, dates and nested containers. Both directions are bounded: a value
//! nested deeper than [`MAX_DEPTH`] (or a container that holds itself) is refused, not followed
//! until the stack runs out.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Deepest nesting read from a Python value (a document's own fields are one level; its
/// pass-through metadata may nest a little).
const MAX_DEPTH: usize = 32;

/// A JSON value as Python objects: dicts (in the value's key order), lists, str, int, float,
/// bool, None.
pub(crate) fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, to_python(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// A Python value as JSON, or what is wrong with it: `None`, bool, int, float (NaN is null), str,
/// dict with str keys, list or tuple, and anything with `isoformat()` (`datetime.date`,
/// `datetime.datetime`, pandas' `Timestamp`) as its ISO 8601 string.
pub(crate) fn from_python(obj: &Bound<'_, PyAny>) -> Result<Value, String> {
    from_python_at(obj, 0)
}

fn from_python_at(obj: &Bound<'_, PyAny>, depth: usize) -> Result<Value, String> {
    if depth > MAX_DEPTH {
        return Err(format!(
            "a value nested more than {MAX_DEPTH} levels deep (or a container that holds itself)"
        ));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return s
            .to_cow()
            .map(|s| Value::String(s.into_owned()))
            .map_err(|_| "a str that is not valid Unicode (a lone surrogate)".to_string());
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Ok(obj
            .extract::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map_or(Value::Null, Value::Number));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Ok(Number::from_f64(f.value()).map_or(Value::Null, Value::Number));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in d.iter() {
            let Ok(key) = k.cast::<PyString>().map(|k| k.to_string()) else {
                return Err(format!("a dict key that is not a str ({})", type_name(&k)));
            };
            map.insert(key, from_python_at(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for item in obj.try_iter().map_err(|e| e.to_string())? {
            let item = item.map_err(|e| e.to_string())?;
            items.push(from_python_at(&item, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    if let Ok(iso) = obj.call_method0("isoformat") {
        if let Ok(s) = iso.extract::<String>() {
            return Ok(Value::String(s));
        }
    }
    // numpy's scalars and other numbers that know their integer or float value
    if let Ok(i) = obj.extract::<i64>() {
        return Ok(Value::from(i));
    }
    if let Ok(f) = obj.extract::<f64>() {
        return Ok(Number::from_f64(f).map_or(Value::Null, Value::Number));
    }
    Err(format!(
        "a value of type {} dyad cannot read",
        type_name(obj)
    ))
}

/// A Python object's type name, for messages.
pub(crate) fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".to_string())
}
