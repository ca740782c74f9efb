package pdfobj

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/md5"
	"crypto/rc4"
	"crypto/sha256"
	"crypto/sha512"
	"errors"
	"fmt"
	"hash"
)

// The standard security handler (ISO 32000-2, 7.6.4). A file encrypted
// with an owner password only opens with the empty user password, as every
// viewer opens it; a file whose user password is not empty cannot be read.

type method uint8

const (
	mNone  method = iota
	mRC4          // V1, V2, or V4 with CFM /V2
	mAESV2        // AES-128, V4
	mAESV3        // AES-256, V5
)

type crypt struct {
	key      []byte
	stm, str method
	encMeta  bool
}

// padding is the 32-byte string that pads passwords (Algorithm 2).
var padding = []byte{
	0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
	0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A,
}

// setupCrypt reads the encryption dictionary and derives the file key with
// the empty password.
func (r *Reader) setupCrypt() error {
	r.crypt = nil
	ref, isRef := r.trailer["Encrypt"].(Ref)
	if isRef {
		delete(r.cache, ref)
	}
	enc := r.resolve(r.trailer["Encrypt"])
	if r.trailer["Encrypt"] == nil {
		return nil
	}
	if enc.Kind() != Dict {
		r.note("the encryption dictionary is missing")
		return nil
	}
	if f := enc.Key("Filter").Name(); f != "Standard" {
		return fmt.Errorf("encrypted PDF: security handler %q is not supported", f)
	}
	c := &crypt{encMeta: true}
	if b := enc.Key("EncryptMetadata"); b.Kind() == Bool {
		c.encMeta = b.Bool()
	}
	v := enc.Key("V").Int64()
	rev := enc.Key("R").Int64()
	o := []byte(enc.Key("O").RawString())
	u := []byte(enc.Key("U").RawString())
	var err error
	switch {
	case v == 5 || rev >= 5:
		c.stm, c.str = c.methods(enc, mAESV3)
		c.key, err = keyV5(rev, o, u, []byte(enc.Key("OE").RawString()), []byte(enc.Key("UE").RawString()))
	case v >= 1 && v <= 4:
		n := 5
		if v >= 2 {
			n = int(enc.Key("Length").Int64() / 8)
			if v == 4 && enc.Key("Length").IsNull() {
				n = 16
			}
			if n < 5 || n > 16 {
				n = 16
			}
		}
		c.stm, c.str = mRC4, mRC4
		if v == 4 {
			c.stm, c.str = c.methods(enc, mRC4)
		}
		id := []byte(r.Trailer().Key("ID").Index(0).RawString())
		p := uint32(enc.Key("P").Int64())
		c.key, err = keyV4(rev, n, o, u, p, id, c.encMeta)
	default:
		return fmt.Errorf("encrypted PDF: encryption version V=%d is not supported", v)
	}
	if err != nil {
		return err
	}
	r.crypt = c
	r.cache = map[Ref]any{}
	r.stms = map[uint32]map[uint32]any{}
	return nil
}

// methods reads /StmF and /StrF of a V4 or V5 dictionary: the crypt
// filters they name in /CF, /Identity meaning none.
func (c *crypt) methods(enc Value, def method) (method, method) {
	pick := func(key string) method {
		n := enc.Key(key).Name()
		if n == "Identity" {
			return mNone
		}
		if n == "" {
			n = "StdCF"
		}
		switch enc.Key("CF").Key(n).Key("CFM").Name() {
		case "None":
			return mNone
		case "V2":
			return mRC4
		case "AESV2":
			return mAESV2
		case "AESV3":
			return mAESV3
		}
		return def
	}
	return pick("StmF"), pick("StrF")
}

func padPassword(pw []byte) []byte {
	out := append([]byte{}, pw[:min(len(pw), 32)]...)
	return append(out, padding[:32-len(out)]...)
}

// keyV4 derives the key of revisions 2–4 (Algorithm 2), checking it
// against /U with the empty user password, then with the empty owner
// password (Algorithm 7: the owner password decrypts the user password).
func keyV4(rev int64, n int, o, u []byte, p uint32, id []byte, encMeta bool) ([]byte, error) {
	derive := func(pw []byte) []byte {
		h := md5.New()
		h.Write(padPassword(pw))
		h.Write(o)
		h.Write([]byte{byte(p), byte(p >> 8), byte(p >> 16), byte(p >> 24)})
		h.Write(id)
		if rev >= 4 && !encMeta {
			h.Write([]byte{0xff, 0xff, 0xff, 0xff})
		}
		key := h.Sum(nil)
		if rev >= 3 {
			for i := 0; i < 50; i++ {
				s := md5.Sum(key[:n])
				key = s[:]
			}
		} else {
			n = 5
		}
		return key[:n]
	}
	check := func(key []byte) bool {
		if rev == 2 {
			got := rc4xor(key, padding)
			return len(u) >= 32 && bytes.Equal(got, u[:32])
		}
		h := md5.New()
		h.Write(padding)
		h.Write(id)
		got := h.Sum(nil)
		for i := 0; i < 20; i++ {
			got = rc4xor(xorKey(key, byte(i)), got)
		}
		return len(u) >= 16 && bytes.Equal(got, u[:16])
	}
	if key := derive(nil); check(key) {
		return key, nil
	}
	// the empty owner password: its key decrypts /O into the user password
	s := md5.Sum(padding)
	okey := s[:]
	if rev >= 3 {
		for i := 0; i < 50; i++ {
			s = md5.Sum(okey)
			okey = s[:]
		}
	}
	okey = okey[:min(n, 16)]
	if rev == 2 {
		okey = okey[:5]
	}
	userPw := append([]byte{}, o...)
	if rev == 2 {
		userPw = rc4xor(okey, userPw)
	} else {
		for i := 19; i >= 0; i-- {
			userPw = rc4xor(xorKey(okey, byte(i)), userPw)
		}
	}
	if key := derive(userPw); check(key) {
		return key, nil
	}
	return nil, ErrPassword
}

func xorKey(key []byte, b byte) []byte {
	k := make([]byte, len(key))
	for i := range key {
		k[i] = key[i] ^ b
	}
	return k
}

func rc4xor(key, data []byte) []byte {
	c, err := rc4.NewCipher(key)
	out := make([]byte, len(data))
	if err != nil {
		return out
	}
	c.XORKeyStream(out, data)
	return out
}

// keyV5 derives the AES-256 file key of revisions 5 and 6 with the empty
// password, as user (validation salt U[32:40], key salt U[40:48], /UE) or
// else as owner (O[32:40], O[40:48] and the 48 bytes of /U, /OE).
func keyV5(rev int64, o, u, oe, ue []byte) ([]byte, error) {
	if len(o) < 48 || len(u) < 48 {
		return nil, errors.New("malformed PDF: AES-256 encryption without /O or /U")
	}
	try := func(vsalt, ksalt, udata, wrapped, want []byte) ([]byte, bool) {
		if !bytes.Equal(hash5(rev, nil, vsalt, udata), want) || len(wrapped) < 32 {
			return nil, false
		}
		b, err := aes.NewCipher(hash5(rev, nil, ksalt, udata))
		if err != nil {
			return nil, false
		}
		key := make([]byte, 32)
		cipher.NewCBCDecrypter(b, make([]byte, 16)).CryptBlocks(key, wrapped[:32])
		return key, true
	}
	if key, ok := try(u[32:40], u[40:48], nil, ue, u[:32]); ok {
		return key, nil
	}
	if key, ok := try(o[32:40], o[40:48], u[:48], oe, o[:32]); ok {
		return key, nil
	}
	return nil, ErrPassword
}

// hash5 is the password hash of revision 5 (SHA-256) and 6 (Algorithm 2.B).
func hash5(rev int64, pw, salt, udata []byte) []byte {
	h := sha256.New()
	h.Write(pw)
	h.Write(salt)
	h.Write(udata)
	k := h.Sum(nil)
	if rev < 6 {
		return k
	}
	for i := 0; ; i++ {
		unit := append(append(append([]byte{}, pw...), k...), udata...)
		k1 := bytes.Repeat(unit, 64)
		b, _ := aes.NewCipher(k[:16])
		e := make([]byte, len(k1))
		cipher.NewCBCEncrypter(b, k[16:32]).CryptBlocks(e, k1)
		sum := 0
		for _, c := range e[:16] {
			sum += int(c)
		}
		var hh hash.Hash
		switch sum % 3 {
		case 0:
			hh = sha256.New()
		case 1:
			hh = sha512.New384()
		default:
			hh = sha512.New()
		}
		hh.Write(e)
		k = hh.Sum(nil)
		if i >= 63 && int(e[len(e)-1]) <= i-31 {
			break
		}
	}
	return k[:32]
}

// objectKey is the key for one object's strings and streams.
func (c *crypt) objectKey(m method, ref Ref) []byte {
	if m == mAESV3 {
		return c.key
	}
	h := md5.New()
	h.Write(c.key)
	h.Write([]byte{byte(ref.ID), byte(ref.ID >> 8), byte(ref.ID >> 16), byte(ref.Gen), byte(ref.Gen >> 8)})
	if m == mAESV2 {
		h.Write([]byte("sAlT"))
	}
	return h.Sum(nil)[:min(len(c.key)+5, 16)]
}

// decrypt decrypts data of object ref with method m; a broken AES block
// yields what decrypted.
func (c *crypt) decrypt(m method, ref Ref, data []byte) []byte {
	switch m {
	case mRC4:
		return rc4xor(c.objectKey(m, ref), data)
	case mAESV2, mAESV3:
		if len(data) < 32 {
			return nil
		}
		b, err := aes.NewCipher(c.objectKey(m, ref))
		if err != nil {
			return nil
		}
		body := data[16 : 16+(len(data)-16)/16*16]
		out := make([]byte, len(body))
		cipher.NewCBCDecrypter(b, data[:16]).CryptBlocks(out, body)
		if n := len(out); n > 0 {
			if pad := int(out[n-1]); pad >= 1 && pad <= 16 && pad <= n {
				out = out[:n-pad]
			}
		}
		return out
	}
	return data
}

// decryptStrings decrypts the strings of an object read from the file.
func (c *crypt) decryptStrings(x any, ref Ref) any {
	switch x := x.(type) {
	case string:
		return string(c.decrypt(c.str, ref, []byte(x)))
	case array:
		for i := range x {
			x[i] = c.decryptStrings(x[i], ref)
		}
	case dict:
		for k, v := range x {
			x[k] = c.decryptStrings(v, ref)
		}
	}
	return x
}
