package pdffile

import (
	"reflect"

	"github.com/ledongthuc/pdf"
)

// The library resolves an indirect object on every Value.Key, and an object
// inside a compressed object stream costs a decompression of that whole
// stream each time. Knowing an entry's object number without resolving it
// lets us cache fonts by object: we read the entry through reflection (the
// library version is pinned in go.mod). When the layout is not what we
// expect, refOf reports false and callers fall back to resolving.

type objRef struct {
	id  uint64
	gen uint64
}

var (
	valueType = reflect.TypeOf(pdf.Value{})
	dataField = fieldIndex(valueType, "data")
)

func fieldIndex(t reflect.Type, name string) int {
	if f, ok := t.FieldByName(name); ok && len(f.Index) == 1 {
		return f.Index[0]
	}
	return -1
}

// refOf returns the object reference stored under key in dictionary v,
// without resolving it; ok is false for direct values.
func refOf(v pdf.Value, key string) (ref objRef, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	d, ok := dataOf(v)
	if !ok {
		return ref, false
	}
	if d.Kind() == reflect.Struct { // a stream: its header dictionary
		hdr := d.FieldByName("hdr")
		if !hdr.IsValid() {
			return ref, false
		}
		d = hdr
	}
	if d.Kind() != reflect.Map || d.Type().Key().Kind() != reflect.String {
		return ref, false
	}
	return ptrOf(d.MapIndex(reflect.ValueOf(key).Convert(d.Type().Key())))
}

// refAt returns the object reference at index i of array v, unresolved.
func refAt(v pdf.Value, i int) (ref objRef, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	d, ok := dataOf(v)
	if !ok || d.Kind() != reflect.Slice || i < 0 || i >= d.Len() {
		return ref, false
	}
	return ptrOf(d.Index(i))
}

func ptrOf(e reflect.Value) (ref objRef, ok bool) {
	if !e.IsValid() {
		return ref, false
	}
	if e.Kind() == reflect.Interface {
		if e.IsNil() {
			return ref, false
		}
		e = e.Elem()
	}
	if e.Kind() != reflect.Struct || e.NumField() != 2 || e.Type().Name() != "objptr" {
		return ref, false
	}
	return objRef{e.Field(0).Uint(), e.Field(1).Uint()}, true
}

// dataOf is the library's unexported data field of a Value, when present.
func dataOf(v pdf.Value) (reflect.Value, bool) {
	if dataField < 0 {
		return reflect.Value{}, false
	}
	d := reflect.ValueOf(v).Field(dataField)
	if d.Kind() != reflect.Interface || d.IsNil() {
		return reflect.Value{}, false
	}
	return d.Elem(), true
}
