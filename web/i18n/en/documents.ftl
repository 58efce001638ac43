## Documents of practices and organizations
documents-of-practice = Documents of { $name }
documents-of-organization = Documents of { $name }
documents-back-to = Back to { $name }
documents-back-to-list = Back to the documents
documents-none = No documents yet.
documents-table-caption = Documents, newest last
documents-col-name = File
documents-col-size = Size
documents-col-type = Type
documents-col-uploader = Uploaded by
documents-col-date = Date
documents-col-version = Version
documents-col-download = Download
documents-download-named = Download { $name }
documents-download-latest = Download the latest version
documents-download-version = Download version { $n }
documents-deleted-account = Deleted account
documents-size-bytes = { $n } bytes
documents-size-kb = { $n } KB
documents-size-mb = { $n } MB
documents-size-gb = { $n } GB
documents-type-pdf = PDF
documents-type-image = Image
documents-type-zip = ZIP archive
documents-type-text-document = Text document
documents-type-spreadsheet = Spreadsheet
documents-type-presentation = Presentation
documents-type-plain-text = Plain text
documents-type-other = Other

## Uploading, versions, deleting
documents-upload-title = Upload a document
documents-field-file = File
documents-hint-file = PDF, images, office documents, CSV, text or ZIP; at most 25 MB.
documents-field-title = Title
documents-hint-title = Optional: the file name is used otherwise.
documents-progress = Upload progress
documents-upload-submit = Upload
documents-versions-title = Versions
documents-new-version-title = Upload a new version
documents-new-version-submit = Upload new version
documents-delete-title = Delete this document
documents-delete-hint = Nobody can download it any more, older versions included.
documents-delete-submit = Delete document
documents-error-too-large = This file is too large.
documents-error-quota = There is no storage space left for this file: delete documents first or ask an administrator.
documents-error-type = This kind of file is not accepted, or its name does not match its content.
notice-document-uploaded = The document is uploaded.
notice-document-version-added = The new version is uploaded.
notice-document-deleted = The document is deleted.

## Messages of the server's checks (key: v- and the English message as a slug)
v-send-one-file-per-request = Choose one file.
