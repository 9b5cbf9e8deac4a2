namespace HipPain.Rules.Model;

/// <summary>The regions where a runner's hip pain is felt, as the clinic's patient page names them.</summary>
public enum BodyRegion
{
    /// <summary>The finding is not a pain location.</summary>
    None = 0,

    /// <summary>Outer side of the hip, over the greater trochanter.</summary>
    LateralHip = 1,

    /// <summary>Groin and front of the hip.</summary>
    GroinAnteriorHip = 2,

    /// <summary>Front of the thigh.</summary>
    AnteriorThigh = 3,

    /// <summary>Buttock and back of the hip.</summary>
    Buttock = 4,

    /// <summary>Back of the thigh.</summary>
    PosteriorThigh = 5,

    /// <summary>Outer thigh down to the outer knee (the course of the iliotibial band).</summary>
    LateralThighToKnee = 6,

    /// <summary>The knee.</summary>
    Knee = 7,

    /// <summary>The lower back.</summary>
    LowerBack = 8,

    /// <summary>The inner (medial) thigh.</summary>
    MedialThigh = 9,
}
