from django.urls import path

from waarborg.audiences.api.listings import views as v
from waarborg.audiences.web.modules import switched

# Only where the active policy switches the listings module on (else 404: waarborg.audiences.web.modules).
urlpatterns = switched("listings", [
    # Public: no account, no purpose header (S1-03, S1-08, S1-16).
    path("sociale-kaart/listings", v.PublicListingsView.as_view()),
    path("sociale-kaart/listings/<uuid:pk>", v.PublicListingView.as_view()),
    path("sociale-kaart/themes", v.PublicThemesView.as_view()),
    path("sociale-kaart/feedback", v.FeedbackView.as_view()),
    path("sociale-kaart/minor-reports", v.MinorReportsView.as_view()),
    path("sociale-kaart/minor-reports/<uuid:pk>/confirm", v.MinorReportConfirmView.as_view()),
    # Staff: the CMS and customer service (S1-06, S1-10).
    path("listings", v.ListingsView.as_view()),
    path("listings/<uuid:pk>", v.ListingView.as_view()),
    path("listings/<uuid:pk>/verification-address", v.VerificationAddressView.as_view()),
    path("listings/<uuid:pk>/publish", v.PublishView.as_view()),
    path("listings/<uuid:pk>/unpublish", v.UnpublishView.as_view()),
    path("tickets", v.TicketsView.as_view()),
    path("tickets/<uuid:pk>/messages", v.TicketMessageView.as_view()),
])
