import { afterEach, describe, expect, it, vi } from 'vitest'
import { UploadFailed, uploadDirect } from './upload'

/** A stand-in XMLHttpRequest that records the request and answers `status`, firing
 *  upload progress events first. */
function fakeXhr(status: number, progress: [number, number][]) {
  const sent: { method: string; url: string; body: FormData }[] = []
  class FakeXhr {
    status = 0
    upload: { onprogress?: (event: ProgressEvent) => void } = {}
    onload?: () => void
    onerror?: () => void
    private method = ''
    private url = ''
    open(method: string, url: string) {
      this.method = method
      this.url = url
    }
    send(body: FormData) {
      sent.push({ method: this.method, url: this.url, body })
      for (const [loaded, total] of progress) {
        this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent)
      }
      this.status = status
      if (status === 0) this.onerror?.()
      else this.onload?.()
    }
  }
  vi.stubGlobal('XMLHttpRequest', FakeXhr)
  return sent
}

afterEach(() => vi.unstubAllGlobals())

const token = { url: 'https://store.example/bucket', fields: { key: 'clinic/p/1.jpg', policy: 'abc', 'Content-Type': 'image/jpeg' } }

describe('uploadDirect', () => {
  it('posts the policy fields then the file to the storage URL and reports progress', async () => {
    const sent = fakeXhr(204, [
      [1, 4],
      [3, 4],
    ])
    const seen: number[] = []
    await uploadDirect(token, new Blob(['jpeg bytes']), (fraction) => seen.push(fraction))
    expect(sent).toHaveLength(1)
    expect(sent[0]!.method).toBe('POST')
    expect(sent[0]!.url).toBe('https://store.example/bucket')
    expect([...sent[0]!.body.keys()]).toEqual(['key', 'policy', 'Content-Type', 'file'])
    expect(seen).toEqual([0.25, 0.75, 1])
  })

  it('fails with the storage status when the store refuses the upload', async () => {
    fakeXhr(403, [])
    await expect(uploadDirect(token, new Blob(['x']), () => {})).rejects.toEqual(new UploadFailed(403))
  })

  it('fails when the network drops', async () => {
    fakeXhr(0, [[1, 10]])
    await expect(uploadDirect(token, new Blob(['x']), () => {})).rejects.toBeInstanceOf(UploadFailed)
  })
})
