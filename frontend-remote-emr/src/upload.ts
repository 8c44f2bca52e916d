// Photo upload straight to the object store: the server issues a presigned POST
// (upload-token), the browser posts the file to that URL with XMLHttpRequest (fetch has
// no upload progress), then asks the server to confirm the object. The photo's bytes
// never go through the API server.
import type { Schemas } from '@aesthetix/api-client'

export class UploadFailed extends Error {
  constructor(readonly status: number) {
    super(`upload failed (${status})`)
  }
}

/** POST `file` to the presigned `token.url` with its `fields`; `onProgress` gets 0…1. */
export function uploadDirect(
  token: Pick<Schemas['UploadToken'], 'url' | 'fields'>,
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<void> {
  const form = new FormData()
  for (const [name, value] of Object.entries(token.fields)) form.append(name, value)
  // S3 ignores every field after the file: it goes last.
  form.append('file', file)
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', token.url)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1)
        resolve()
      } else {
        reject(new UploadFailed(xhr.status))
      }
    }
    xhr.onerror = () => reject(new UploadFailed(0))
    xhr.send(form)
  })
}
